//! Where an organization's non-secret files live (its profile cache, its last dashboard): a
//! folder of its own under the app's data folder, named by a hash of its issuer and Client ID.
//! The app and `point doctor` find the same folder.

use std::path::{Path, PathBuf};

use point_auth::OktaSettings;
use sha2::{Digest, Sha256};

/// An organization's stable name for the window and its folder: the issuer and Client ID,
/// hashed (nothing secret, nothing to escape).
pub fn organization_key(okta: &OktaSettings) -> String {
    let digest = Sha256::digest(format!("{} {}", okta.issuer, okta.client_id).as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The folder of an organization's non-secret files.
pub fn organization_dir(data_dir: &Path, okta: &OktaSettings) -> PathBuf {
    data_dir.join("organizations").join(organization_key(okta))
}
