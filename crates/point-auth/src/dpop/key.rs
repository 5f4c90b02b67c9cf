//! A session's DPoP key and where it is kept: in software (its private key in the keychain entry,
//! beside the refresh token) or inside this machine's key hardware, where it cannot be exported
//! and the entry keeps only the hardware's wrapped form. IT chooses with [`KeyPolicy`]; every
//! kind of key signs through one seam, [`ProofSigner`].

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use point_i18n::Message;
use sha2::{Digest, Sha256};

use super::software::SoftwareKey;

/// What signs a session's proofs. Each implementation keeps one P-256 key somewhere.
pub(crate) trait ProofSigner: Send + Sync {
    /// The public key: an uncompressed P-256 point (0x04, x, y).
    fn public_point(&self) -> &[u8; 65];
    /// An ES256 signature of `message`: r || s, 32 bytes each (RFC 7518 §3.4).
    fn sign(&self, message: &[u8]) -> Result<[u8; 64], KeyError>;
    /// What the keychain entry keeps of the key (a secret: it goes nowhere else).
    fn to_stored(&self) -> String;
    fn protection(&self) -> KeyProtection;
}

/// Where a key is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProtection {
    /// In software: the private key is in the keychain entry, and leaves with a copy of it.
    Software,
    /// Inside the TPM 2.0: created there, never exported; the entry holds a blob only this TPM
    /// can load.
    Tpm,
}

/// How a key kept in a TPM's stored form begins: `tpm2.<public area>.<private blob>`, base64url
/// each. (A software key's stored form is base64url alone, which has no `.`.)
pub(super) const TPM_STORED_PREFIX: &str = "tpm2.";

impl KeyProtection {
    /// Where a stored key (as [`DpopKey::to_stored`] wrote it) is kept, without reading or
    /// using it. Total.
    pub fn of_stored(stored: &str) -> Self {
        if stored.trim().starts_with(TPM_STORED_PREFIX) {
            Self::Tpm
        } else {
            Self::Software
        }
    }

    /// How the key is protected, in the person's words (`point doctor`, the support bundle).
    pub fn describe(self) -> Message {
        Message::new(match self {
            Self::Software => "doctor-key-software",
            Self::Tpm => "doctor-key-tpm",
        })
    }
}

/// IT's choice of where new keys are kept (`dpop_key` in managed configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyPolicy {
    /// In key hardware or not at all: without usable hardware, sign-in is refused with why.
    HardwareRequired,
    /// In key hardware when this machine has usable hardware, else in software.
    #[default]
    HardwareWhereAvailable,
    /// In software (a machine whose TPM must not be used, say).
    Software,
}

impl KeyPolicy {
    /// The managed setting's values: `hardware-required`, `hardware-where-available`,
    /// `software`. Total: anything else is `None`.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "hardware-required" => Some(Self::HardwareRequired),
            "hardware-where-available" => Some(Self::HardwareWhereAvailable),
            "software" => Some(Self::Software),
            _ => None,
        }
    }

    /// The setting's value, as IT writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HardwareRequired => "hardware-required",
            Self::HardwareWhereAvailable => "hardware-where-available",
            Self::Software => "software",
        }
    }
}

/// The key hardware new keys are made in and stored keys are used with. On Linux, a TPM 2.0
/// reached through a TCTI of Debian's TPM2 software stack; elsewhere none yet (see
/// docs/mobile.md).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyHardware {
    /// The TCTI of the TPM (`device:/dev/tpmrm0`, `swtpm:host=…,port=…`).
    tpm: Option<String>,
}

impl KeyHardware {
    /// This machine's: the TPM named by `TCTI` (the TPM2 software stack's variable), else the
    /// kernel's resource manager `/dev/tpmrm0` when there is one.
    pub fn of_this_machine() -> Self {
        if !cfg!(target_os = "linux") {
            return Self::none();
        }
        let named = std::env::var("TCTI")
            .ok()
            .map(|tcti| tcti.trim().to_string())
            .filter(|tcti| !tcti.is_empty());
        let tpm = named.or_else(|| {
            std::path::Path::new("/dev/tpmrm0")
                .exists()
                .then(|| "device:/dev/tpmrm0".to_string())
        });
        Self { tpm }
    }

    /// A TPM reached through `tcti` (tests: another machine's software TPM).
    pub fn tpm(tcti: &str) -> Self {
        Self {
            tpm: Some(tcti.to_string()),
        }
    }

    /// No key hardware: software keys only.
    pub fn none() -> Self {
        Self { tpm: None }
    }

    /// The TPM's TCTI (`device:/dev/tpmrm0`), when there is one.
    pub fn tpm_tcti(&self) -> Option<&str> {
        self.tpm.as_deref()
    }

    /// Whether the hardware can keep a key now: it is opened and its storage key derived (no key
    /// is made). `point doctor` asks.
    pub fn probe(&self) -> Result<(), KeyError> {
        #[cfg(target_os = "linux")]
        if let Some(tcti) = &self.tpm {
            return super::tpm::probe(tcti);
        }
        Err(KeyError::NoHardware)
    }

    /// A new key in the hardware, or why there is none.
    fn generate(&self) -> Result<Box<dyn ProofSigner>, KeyError> {
        #[cfg(target_os = "linux")]
        if let Some(tcti) = &self.tpm {
            return Ok(Box::new(super::tpm::TpmKey::create(tcti)?));
        }
        Err(KeyError::NoHardware)
    }

    /// A key the hardware keeps, from its stored form (`tpm2.…`). Reads the public part only:
    /// the hardware is asked when the key signs (and is missed then, not now).
    fn read(&self, stored: &str) -> Result<Box<dyn ProofSigner>, KeyError> {
        #[cfg(target_os = "linux")]
        if let Some(blobs) = stored.strip_prefix(TPM_STORED_PREFIX) {
            // Without a TPM now, the key is still this session's: signing fails (transiently)
            // until the TPM is back, and nothing replaces the key meanwhile.
            return Ok(Box::new(super::tpm::TpmKey::from_stored(
                self.tpm.as_deref(),
                blobs,
            )?));
        }
        let _ = stored;
        Err(KeyError::Unreadable)
    }
}

/// Why a key could not be made, read or used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// This machine has no key hardware POINT can use (when a new key is made).
    #[error("this computer has no TPM that POINT can use")]
    NoHardware,
    /// The key hardware is there and could not be used now (a device POINT may not open, a
    /// busy TPM, a resource manager that is down): trying later may work.
    #[error("the TPM could not be used: {0}")]
    HardwareUnavailable(String),
    /// The key hardware refuses the stored key as not its own: the entry was made on another
    /// machine, or this machine's TPM was cleared since. The key is gone for good.
    #[error("the sign-in's key is not in this computer's TPM (the sign-in was copied from another computer, or the TPM was cleared)")]
    NotThisMachine,
    /// The stored form is not a key.
    #[error("the stored key is unreadable")]
    Unreadable,
    /// The OS's random source failed.
    #[error("this device could not make a proof-of-possession key")]
    NoRandomness,
}

impl KeyError {
    /// Whether trying again later, unchanged, may work.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::HardwareUnavailable(_) | Self::NoRandomness)
    }
}

/// A session's proof-of-possession key (P-256). Its `Debug` shows only the public thumbprint and
/// where the key is kept.
pub struct DpopKey {
    signer: Box<dyn ProofSigner>,
    /// The public key as a JWK (RFC 7517), members in the order RFC 7638 hashes them.
    jwk: String,
    thumbprint: String,
}

impl fmt::Debug for DpopKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "DpopKey(jkt {}, {:?}, private key [redacted])",
            self.thumbprint,
            self.signer.protection()
        )
    }
}

impl DpopKey {
    /// A new software key from the OS's CSPRNG.
    pub fn generate() -> Result<Self, KeyError> {
        Ok(Self::with_signer(Box::new(SoftwareKey::generate()?)))
    }

    /// A new key where IT's `policy` says, in `hardware` when it may be.
    pub fn generate_under(policy: KeyPolicy, hardware: &KeyHardware) -> Result<Self, KeyError> {
        match policy {
            KeyPolicy::Software => Self::generate(),
            KeyPolicy::HardwareRequired => Ok(Self::with_signer(hardware.generate()?)),
            KeyPolicy::HardwareWhereAvailable => match hardware.generate() {
                Ok(signer) => Ok(Self::with_signer(signer)),
                Err(reason) => {
                    if reason != KeyError::NoHardware {
                        tracing::info!(%reason, "the TPM cannot keep this key: it is kept in software");
                    }
                    Self::generate()
                }
            },
        }
    }

    /// The key as stored by [`DpopKey::to_stored`]: a software key, or a key `hardware` keeps.
    /// Pure and total (the hardware is not asked until the key signs): anything else is an
    /// error.
    pub fn from_stored(stored: &str, hardware: &KeyHardware) -> Result<Self, KeyError> {
        let stored = stored.trim();
        let signer: Box<dyn ProofSigner> = match SoftwareKey::from_stored(stored) {
            Some(key) => Box::new(key),
            None => hardware.read(stored)?,
        };
        Ok(Self::with_signer(signer))
    }

    fn with_signer(signer: Box<dyn ProofSigner>) -> Self {
        let point = signer.public_point();
        let x = URL_SAFE_NO_PAD.encode(&point[1..33]);
        let y = URL_SAFE_NO_PAD.encode(&point[33..]);
        // RFC 7638 §3.2: the required members only, in lexicographic order, no whitespace.
        let jwk = format!(r#"{{"crv":"P-256","kty":"EC","x":"{x}","y":"{y}"}}"#);
        let thumbprint = URL_SAFE_NO_PAD.encode(Sha256::digest(jwk.as_bytes()));
        Self {
            signer,
            jwk,
            thumbprint,
        }
    }

    /// What the keychain entry that holds the refresh token keeps of the key (a secret).
    pub fn to_stored(&self) -> String {
        self.signer.to_stored()
    }

    /// Where the key is kept.
    pub fn protection(&self) -> KeyProtection {
        self.signer.protection()
    }

    /// The JWK SHA-256 thumbprint (RFC 7638): what a bound token's `cnf.jkt` names.
    pub fn thumbprint(&self) -> &str {
        &self.thumbprint
    }

    /// The public key as a JWK, for a proof's header.
    pub(super) fn jwk(&self) -> &str {
        &self.jwk
    }

    /// An ES256 signature of `message` (r || s).
    pub(super) fn sign(&self, message: &[u8]) -> Result<[u8; 64], KeyError> {
        self.signer.sign(message)
    }
}
