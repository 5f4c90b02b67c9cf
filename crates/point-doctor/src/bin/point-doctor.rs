//! The same checks as `point doctor`, without the app: for tests and for IT scripts.
fn main() -> std::process::ExitCode {
    point_doctor::main(std::env::args().skip(1))
}
