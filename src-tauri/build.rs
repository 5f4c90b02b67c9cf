// Build script for the POINT shell: generates the context (config, icons, ACL), with a
// permission per command (`allow-sign-in`, …) so capabilities/default.json grants exactly
// POINT's commands. Keep this list equal to `generate_handler!` in lib.rs.
const COMMANDS: &[&str] = &[
    "session_state",
    "localization",
    "sign_in",
    "cancel_sign_in",
    "sign_in_on_another_device",
    "cancel_sign_in_on_another_device",
    "switch_organization",
    "sign_in_to_another_organization",
    "open_browser_again",
    "step_up",
    "sign_out",
    "dashboard",
    "kept_dashboard",
    "set_up_manually",
    "dismiss_notice",
    "support_bundle",
    "email_support",
    "update_state",
    "install_update",
    "restart",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
