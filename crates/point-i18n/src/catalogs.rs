//! The message catalogs' source, compiled in compressed (brotli, by `build.rs`: 88 KB for the
//! 323 KB of Fluent text of seven languages) and expanded once each, when first used. The
//! decompressor is the one Tauri already carries for the window's assets.

use std::sync::OnceLock;

/// Each catalog: its language, its name (`window`, `errors`, `cli`) and its compressed source.
static COMPRESSED: &[(&str, &str, &[u8])] = &include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

/// The source of catalog `file` of `locale`, expanded once; empty when there is no such catalog
/// (the tests check that every shipped language has each one, and that each expands to its
/// file).
pub(crate) fn source(locale: &str, file: &str) -> &'static str {
    static EXPANDED: OnceLock<Vec<OnceLock<String>>> = OnceLock::new();
    let expanded = EXPANDED.get_or_init(|| COMPRESSED.iter().map(|_| OnceLock::new()).collect());
    let Some(index) = COMPRESSED
        .iter()
        .position(|(l, f, _)| *l == locale && *f == file)
    else {
        return "";
    };
    expanded[index].get_or_init(|| {
        let mut compressed = COMPRESSED[index].2;
        let mut bytes = Vec::with_capacity(compressed.len() * 5);
        match brotli::BrotliDecompress(&mut compressed, &mut bytes) {
            Ok(()) => String::from_utf8(bytes).unwrap_or_default(),
            Err(_) => String::new(),
        }
    })
}
