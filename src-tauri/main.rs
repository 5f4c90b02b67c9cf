// Entry point of the `point` binary: hands over to the shell in lib.rs.
// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    point_lib::run()
}
