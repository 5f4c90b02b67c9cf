//! The UI's TypeScript declarations, generated from the contract's Rust types with ts-rs (a
//! test-only derive: the app carries none of it): every view, `ErrorCode` and `ErrorView`, each
//! command's arguments, and the `Commands` (name → arguments, answer) and `Events` (name →
//! payload) maps that `ui/bridge.js` types `invoke` and `listen` with. Written to
//! `src-tauri/contract/contract.d.ts`; `tests.rs` fails when that file is stale.

use ts_rs::TS;

use super::commands::{
    self, EmailSupportArgs, SetUpManuallyArgs, SignInArgs, SignInToAnotherOrganizationArgs,
    SignOutArgs, SwitchOrganizationArgs,
};
use super::*;

/// Where the declarations go, from the repository's root.
pub const DECLARATIONS: &str = "src-tauri/contract/contract.d.ts";

/// What regenerates the generated files.
pub const REGENERATE: &str = "POINT_UPDATE_CONTRACT=1 cargo test -p point --lib contract";

fn declare<T: TS>(out: &mut String) {
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
    }
    out.push_str("export ");
    out.push_str(&T::decl());
    out.push_str("\n\n");
}

/// The text of `contract.d.ts`.
pub fn declarations() -> String {
    let mut out = format!(
        "// The types of everything that crosses between POINT's Rust side and its window, generated\n\
         // from src-tauri/contract/ by `{REGENERATE}`. Do not edit.\n\n"
    );
    // The views.
    declare::<SessionView>(&mut out);
    declare::<SessionStateView>(&mut out);
    declare::<OktaSignOutView>(&mut out);
    declare::<NoticeView>(&mut out);
    declare::<OrganizationView>(&mut out);
    declare::<DeviceSignInView>(&mut out);
    declare::<DashboardView>(&mut out);
    declare::<StaleView>(&mut out);
    declare::<MetricView>(&mut out);
    declare::<ActivityView>(&mut out);
    declare::<SupportView>(&mut out);
    declare::<UpdateView>(&mut out);
    declare::<UpdateState>(&mut out);
    declare::<LocalizationView>(&mut out);
    declare::<DirectionView>(&mut out);
    // The errors.
    declare::<ErrorView>(&mut out);
    declare::<ErrorCode>(&mut out);
    // The commands' arguments.
    declare::<SignInArgs>(&mut out);
    declare::<SwitchOrganizationArgs>(&mut out);
    declare::<SignInToAnotherOrganizationArgs>(&mut out);
    declare::<SignOutArgs>(&mut out);
    declare::<SetUpManuallyArgs>(&mut out);
    declare::<EmailSupportArgs>(&mut out);
    out.push_str(
        "/**\n * Every command the window may call: its arguments (`null`: none) and its answer. A\n \
         * failed command rejects with an `ErrorView`.\n */\nexport type Commands = {\n",
    );
    for command in commands::all() {
        out.push_str(&format!(
            "  \"{}\": {{ args: {}, answer: {} }},\n",
            command.name, command.args, command.answer
        ));
    }
    out.push_str("};\n\n/** Every event the window may listen to, and its payload. */\nexport type Events = {\n");
    for (name, payload) in super::events::all() {
        out.push_str(&format!("  \"{name}\": {payload},\n"));
    }
    out.push_str("};\n");
    out
}
