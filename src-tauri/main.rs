// Entry point of the `point` binary: `point doctor [--json]` checks this machine's set-up
// without opening a window; anything else starts the app (a deep link may come as an argument).
// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some("doctor") {
        return point_doctor::main(args);
    }
    point_lib::run();
    std::process::ExitCode::SUCCESS
}
