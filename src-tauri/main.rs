// Entry point of the `point` binary: `point doctor [--json]` checks this machine's set-up
// without opening a window; `point sign-in --device` signs in on another device from a terminal;
// anything else starts the app (a deep link may come as an argument).
// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("doctor") => return point_doctor::main(args),
        Some("sign-in") => {
            return point_app::sign_in_command::main(args, env!("CARGO_PKG_VERSION"));
        }
        _ => {}
    }
    point_lib::run();
    std::process::ExitCode::SUCCESS
}
