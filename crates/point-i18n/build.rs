// Compresses the message catalogs (locales/<locale>/<file>.ftl) with brotli into OUT_DIR and
// writes the table `catalogs.rs` includes: the shipped binary carries them compressed (about a
// quarter of their size) and expands each the first time it is used (see src/catalogs.rs).

use std::path::Path;

/// The catalogs of each language: the window's, then the Rust side's.
const FILES: [&str; 3] = ["window", "errors", "cli"];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    println!("cargo:rerun-if-changed=locales");
    // Each folder is a language (a file beside them, such as macOS's .DS_Store, is not).
    let mut locales: Vec<String> = std::fs::read_dir("locales")
        .expect("the locales folder")
        .map(|entry| entry.expect("a locale"))
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
        .map(|entry| entry.file_name().into_string().expect("a UTF-8 name"))
        .collect();
    locales.sort();
    let mut table = String::from("[\n");
    for locale in &locales {
        for file in FILES {
            let source = Path::new("locales")
                .join(locale)
                .join(format!("{file}.ftl"));
            println!("cargo:rerun-if-changed={}", source.display());
            let text =
                std::fs::read(&source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
            let mut compressed = Vec::new();
            let settings = brotli::enc::BrotliEncoderParams {
                quality: 11,
                lgwin: 22,
                ..Default::default()
            };
            brotli::BrotliCompress(&mut text.as_slice(), &mut compressed, &settings)
                .unwrap_or_else(|e| panic!("compressing {}: {e}", source.display()));
            std::fs::write(out.join(format!("{locale}-{file}.ftl.br")), compressed)
                .expect("OUT_DIR is writable");
            table.push_str(&format!(
                "    ({locale:?}, {file:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{locale}-{file}.ftl.br\")).as_slice()),\n"
            ));
        }
    }
    table.push_str("]\n");
    std::fs::write(out.join("catalogs.rs"), table).expect("OUT_DIR is writable");
}
