// Build script for the POINT shell: lets tauri-build generate the context (config, icons, ACL).
fn main() {
    tauri_build::build()
}
