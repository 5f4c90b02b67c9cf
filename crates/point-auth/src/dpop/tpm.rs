//! DPoP keys inside a TPM 2.0 (Linux), through Debian's TPM2 software stack (`tss-esapi`, which
//! enters POINT here only).
//!
//! The key is an unrestricted ECDSA P-256 signing key created by the TPM under its storage
//! primary key (the owner hierarchy's, re-derived from the TCG template at each use), with
//! `fixedTPM` and `fixedParent`: its private part never leaves the TPM in the clear. The keychain
//! entry keeps its public area and the private blob the TPM wrapped with the storage key; only
//! the TPM that made it can load that blob, so a copy of the entry on another machine (or after
//! this TPM was cleared) is refused by the TPM itself.
//!
//! Each use opens the TPM, derives the storage key, loads the key, signs and flushes both: no
//! TPM object outlives the call, which suits both the kernel's resource manager (`/dev/tpmrm0`)
//! and a bare TPM. Uses run one at a time on POINT's TPM thread, and a caller waits at most
//! [`TPM_TIMEOUT`] (the TPM2 stack has no timeout of its own): a TPM that hangs is a transient
//! failure, never a frozen app.

use std::str::FromStr;
use std::sync::{mpsc, Mutex};
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest as _, Sha256};
use tss_esapi::attributes::ObjectAttributesBuilder;
use tss_esapi::constants::response_code::Tss2ResponseCodeKind;
use tss_esapi::constants::tss::{TPM2_RH_NULL, TPM2_ST_HASHCHECK};
use tss_esapi::handles::KeyHandle;
use tss_esapi::interface_types::algorithm::{HashingAlgorithm, PublicAlgorithm};
use tss_esapi::interface_types::ecc::EccCurve;
use tss_esapi::interface_types::resource_handles::Hierarchy;
use tss_esapi::structures::{
    Digest, EccPoint, EccScheme, HashScheme, HashcheckTicket, Private, Public,
    PublicEccParametersBuilder, Signature, SignatureScheme, SymmetricDefinitionObject,
};
use tss_esapi::tcti_ldr::TctiNameConf;
use tss_esapi::traits::{Marshall, UnMarshall};
use tss_esapi::tss2_esys::TPMT_TK_HASHCHECK;
use tss_esapi::Context;

use super::key::{KeyError, KeyProtection, ProofSigner, TPM_STORED_PREFIX};

/// How long a caller waits for one use of the TPM.
const TPM_TIMEOUT: Duration = Duration::from_secs(10);

/// One use of the TPM, run on POINT's TPM thread.
type Job = Box<dyn FnOnce() + Send>;

/// POINT's TPM thread (started at the first use): uses run there one at a time.
static TPM_THREAD: Mutex<Option<mpsc::Sender<Job>>> = Mutex::new(None);

pub(super) struct TpmKey {
    /// The TPM it is used with; `None` where this machine has none POINT can find (it may be
    /// back later: signing is then a transient failure).
    tcti: Option<String>,
    public: Vec<u8>,
    private: Vec<u8>,
    point: [u8; 65],
}

impl TpmKey {
    /// A new key, created inside the TPM at `tcti`.
    pub fn create(tcti: &str) -> Result<Self, KeyError> {
        let (public, private) = with_storage_key(tcti, |context, parent| {
            let created = context.execute_with_nullauth_session(|context| {
                context.create(parent, signing_key_template()?, None, None, None, None)
            })?;
            Ok((created.out_public.marshall()?, created.out_private))
        })
        .map_err(|refusal| refusal.into_key_error(tcti))?;
        let area = Public::unmarshall(&public).map_err(unavailable)?;
        let point = point_of(&area).ok_or_else(|| {
            KeyError::HardwareUnavailable("the TPM made a key that is not P-256".into())
        })?;
        Ok(Self {
            tcti: Some(tcti.to_string()),
            public,
            private: private.value().to_vec(),
            point,
        })
    }

    /// A key from its stored form (after [`TPM_STORED_PREFIX`]). Reads the public area only: the
    /// TPM is asked when the key signs. Total.
    pub fn from_stored(tcti: Option<&str>, blobs: &str) -> Result<Self, KeyError> {
        let (public, private) = blobs.split_once('.').ok_or(KeyError::Unreadable)?;
        let public = URL_SAFE_NO_PAD
            .decode(public)
            .map_err(|_| KeyError::Unreadable)?;
        let private = URL_SAFE_NO_PAD
            .decode(private)
            .map_err(|_| KeyError::Unreadable)?;
        let area = Public::unmarshall(&public).map_err(|_| KeyError::Unreadable)?;
        let point = point_of(&area).ok_or(KeyError::Unreadable)?;
        if private.is_empty() || Private::try_from(private.clone()).is_err() {
            return Err(KeyError::Unreadable);
        }
        Ok(Self {
            tcti: tcti.map(str::to_string),
            public,
            private,
            point,
        })
    }
}

impl ProofSigner for TpmKey {
    fn public_point(&self) -> &[u8; 65] {
        &self.point
    }

    fn sign(&self, message: &[u8]) -> Result<[u8; 64], KeyError> {
        let Some(tcti) = self.tcti.as_deref() else {
            return Err(KeyError::HardwareUnavailable(
                "this computer's TPM cannot be found".into(),
            ));
        };
        let public = Public::unmarshall(&self.public).map_err(|_| KeyError::Unreadable)?;
        let private = Private::try_from(self.private.clone()).map_err(|_| KeyError::Unreadable)?;
        let digest = Digest::try_from(Sha256::digest(message).to_vec()).map_err(unavailable)?;
        let signature = with_storage_key(tcti, move |context, parent| {
            let key = context
                .execute_with_nullauth_session(|context| context.load(parent, private, public))
                .map_err(Refusal::Load)?;
            let signed = context.execute_with_nullauth_session(|context| {
                context.sign(key, digest, SignatureScheme::Null, null_ticket()?)
            });
            let _ = context.flush_context(key.into());
            Ok(signed?)
        })
        .map_err(|refusal| refusal.into_key_error(tcti))?;
        let Signature::EcDsa(signature) = signature else {
            return Err(KeyError::HardwareUnavailable(
                "the TPM signed with another scheme".into(),
            ));
        };
        let mut rs = [0u8; 64];
        fixed_32(signature.signature_r().value(), &mut rs[..32])?;
        fixed_32(signature.signature_s().value(), &mut rs[32..])?;
        Ok(rs)
    }

    fn to_stored(&self) -> String {
        format!(
            "{TPM_STORED_PREFIX}{}.{}",
            URL_SAFE_NO_PAD.encode(&self.public),
            URL_SAFE_NO_PAD.encode(&self.private)
        )
    }

    fn protection(&self) -> KeyProtection {
        KeyProtection::Tpm
    }
}

/// Whether the TPM at `tcti` opens and derives its storage key.
pub(super) fn probe(tcti: &str) -> Result<(), KeyError> {
    with_storage_key(tcti, |_, _| Ok(())).map_err(|refusal| refusal.into_key_error(tcti))
}

/// Why a use of the TPM failed: opening it, loading the key (which tells whether it is this
/// TPM's), or anything else.
enum Refusal {
    Open(tss_esapi::Error),
    Load(tss_esapi::Error),
    Tpm(tss_esapi::Error),
    /// No answer within [`TPM_TIMEOUT`], or no TPM thread.
    NoAnswer,
}

impl From<tss_esapi::Error> for Refusal {
    fn from(error: tss_esapi::Error) -> Self {
        Self::Tpm(error)
    }
}

impl Refusal {
    fn into_key_error(self, tcti: &str) -> KeyError {
        match self {
            Self::Load(error) if not_this_tpm(&error) => KeyError::NotThisMachine,
            Self::Open(error) => KeyError::HardwareUnavailable(match error {
                // The loader's own reason (no such device, no permission) is on stderr.
                tss_esapi::Error::Tss2Error(_) => format!("could not open the TPM at {tcti}"),
                other => format!("could not open the TPM at {tcti}: {other}"),
            }),
            Self::Load(error) | Self::Tpm(error) => {
                KeyError::HardwareUnavailable(described(&error))
            }
            Self::NoAnswer => KeyError::HardwareUnavailable(format!(
                "the TPM at {tcti} did not answer within {} s",
                TPM_TIMEOUT.as_secs()
            )),
        }
    }
}

/// The TPM2 software stack's words for an error (when it has none, it said more on stderr).
fn described(error: &tss_esapi::Error) -> String {
    match error {
        tss_esapi::Error::Tss2Error(code) if code.kind().is_none() => {
            "the TPM2 software stack failed (its reason is on POINT's standard error)".into()
        }
        _ => error.to_string(),
    }
}

/// Opens the TPM at `tcti`, derives its storage key, runs `work` with it and flushes it, on
/// POINT's TPM thread.
fn with_storage_key<T: Send + 'static>(
    tcti: &str,
    work: impl FnOnce(&mut Context, KeyHandle) -> Result<T, Refusal> + Send + 'static,
) -> Result<T, Refusal> {
    let tcti = tcti.to_string();
    on_the_tpm_thread(move || {
        let name = TctiNameConf::from_str(&tcti).map_err(Refusal::Open)?;
        let mut context = Context::new(name).map_err(Refusal::Open)?;
        let primary = context.execute_with_nullauth_session(|context| {
            context.create_primary(
                Hierarchy::Owner,
                storage_key_template()?,
                None,
                None,
                None,
                None,
            )
        })?;
        let result = work(&mut context, primary.key_handle);
        let _ = context.flush_context(primary.key_handle.into());
        result
    })
}

/// Runs `job` on POINT's TPM thread and waits for it at most [`TPM_TIMEOUT`]. A job that hangs
/// keeps the thread, and the jobs after it time out too: each a transient failure.
fn on_the_tpm_thread<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
) -> Result<T, Refusal> {
    let (reply, answer) = mpsc::sync_channel(1);
    let job: Job = Box::new(move || {
        let _ = reply.send(job());
    });
    {
        let mut thread = TPM_THREAD
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let jobs = thread.get_or_insert_with(|| {
            let (jobs, queue) = mpsc::channel::<Job>();
            // Should the thread not start, the queue is dropped and the send below fails.
            let _ = std::thread::Builder::new()
                .name("point-tpm".into())
                .spawn(move || queue.into_iter().for_each(|job| job()));
            jobs
        });
        if jobs.send(job).is_err() {
            *thread = None;
            return Err(Refusal::NoAnswer);
        }
    }
    answer
        .recv_timeout(TPM_TIMEOUT)
        .map_err(|_| Refusal::NoAnswer)?
}

/// The owner hierarchy's storage key: the TCG's ECC P-256 storage root key template (restricted
/// decryption, AES-128-CFB), so the same TPM derives the same key every time.
fn storage_key_template() -> Result<Public, tss_esapi::Error> {
    p256_template(
        true,
        PublicEccParametersBuilder::new_restricted_decryption_key(
            SymmetricDefinitionObject::AES_128_CFB,
            EccCurve::NistP256,
        ),
    )
}

/// The DPoP key: ECDSA P-256 with SHA-256, signing any digest, bound to this TPM and parent.
fn signing_key_template() -> Result<Public, tss_esapi::Error> {
    p256_template(
        false,
        PublicEccParametersBuilder::new_unrestricted_signing_key(
            EccScheme::EcDsa(HashScheme::new(HashingAlgorithm::Sha256)),
            EccCurve::NistP256,
        ),
    )
}

/// A P-256 key made inside the TPM and never leaving it (`fixedTPM`, `fixedParent`), usable
/// without a password, exempt from dictionary-attack lockout: a storage key (restricted
/// decryption) or a signing key.
fn p256_template(
    storage: bool,
    parameters: PublicEccParametersBuilder,
) -> Result<Public, tss_esapi::Error> {
    let attributes = ObjectAttributesBuilder::new()
        .with_fixed_tpm(true)
        .with_fixed_parent(true)
        .with_sensitive_data_origin(true)
        .with_user_with_auth(true)
        .with_no_da(true)
        .with_restricted(storage)
        .with_decrypt(storage)
        .with_sign_encrypt(!storage)
        .build()?;
    tss_esapi::structures::PublicBuilder::new()
        .with_public_algorithm(PublicAlgorithm::Ecc)
        .with_name_hashing_algorithm(HashingAlgorithm::Sha256)
        .with_object_attributes(attributes)
        .with_ecc_parameters(parameters.build()?)
        .with_ecc_unique_identifier(EccPoint::default())
        .build()
}

/// The ticket for a digest POINT hashed itself (an unrestricted key needs no TPM ticket).
fn null_ticket() -> Result<HashcheckTicket, tss_esapi::Error> {
    HashcheckTicket::try_from(TPMT_TK_HASHCHECK {
        tag: TPM2_ST_HASHCHECK,
        hierarchy: TPM2_RH_NULL,
        digest: Default::default(),
    })
}

/// The uncompressed P-256 point of a public area; `None` for anything else.
fn point_of(public: &Public) -> Option<[u8; 65]> {
    let Public::Ecc {
        parameters, unique, ..
    } = public
    else {
        return None;
    };
    if parameters.ecc_curve() != EccCurve::NistP256 {
        return None;
    }
    let mut point = [0u8; 65];
    point[0] = 4;
    fixed_32(unique.x().value(), &mut point[1..33]).ok()?;
    fixed_32(unique.y().value(), &mut point[33..]).ok()?;
    Some(point)
}

/// A big-endian integer of at most 32 bytes, left-padded to 32.
fn fixed_32(value: &[u8], out: &mut [u8]) -> Result<(), KeyError> {
    let value = strip_leading_zeros(value);
    if value.len() > 32 || out.len() != 32 {
        return Err(KeyError::HardwareUnavailable(
            "the TPM answered a value longer than P-256's".into(),
        ));
    }
    out.fill(0);
    out[32 - value.len()..].copy_from_slice(value);
    Ok(())
}

fn strip_leading_zeros(value: &[u8]) -> &[u8] {
    let first = value.iter().position(|b| *b != 0).unwrap_or(value.len());
    &value[first..]
}

/// Whether the TPM refused to load a key as not its own: the blob's integrity check against
/// this TPM's storage key failed (another TPM, or this one cleared since).
fn not_this_tpm(error: &tss_esapi::Error) -> bool {
    matches!(
        error,
        tss_esapi::Error::Tss2Error(code) if matches!(
            code.kind(),
            Some(Tss2ResponseCodeKind::Integrity | Tss2ResponseCodeKind::Binding)
        )
    )
}

fn unavailable(error: tss_esapi::Error) -> KeyError {
    KeyError::HardwareUnavailable(described(&error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_forms_read_back_and_anything_else_is_unreadable() {
        assert!(matches!(
            TpmKey::from_stored(Some("swtpm:"), "AAAA.BBBB"),
            Err(KeyError::Unreadable)
        ));
        for bad in ["", ".", "no-dot", "!!.!!", "AAAA."] {
            assert!(
                matches!(
                    TpmKey::from_stored(Some("swtpm:"), bad),
                    Err(KeyError::Unreadable)
                ),
                "{bad:?}"
            );
        }
        let mut out = [0u8; 32];
        fixed_32(&[0, 0, 1, 2], &mut out).unwrap();
        assert_eq!(&out[30..], &[1, 2]);
        assert!(fixed_32(&[1; 33], &mut out).is_err());
    }

    /// The storage key is derived from this template at every use: a different template (a
    /// change here or in tss-esapi's defaults) derives another key, under which every stored
    /// key would fail to load as "not this machine's". Its bytes are pinned.
    #[test]
    fn the_storage_key_template_never_changes() {
        let template = storage_key_template().unwrap().marshall().unwrap();
        let expected: [u8; 26] = [
            0x00, 0x23, // ECC
            0x00, 0x0b, // name: SHA-256
            0x00, 0x03, 0x04,
            0x72, // fixedTPM fixedParent sensitiveDataOrigin userWithAuth noDA restricted decrypt
            0x00, 0x00, // no policy
            0x00, 0x06, 0x00, 0x80, 0x00, 0x43, // AES-128-CFB
            0x00, 0x10, // scheme: none
            0x00, 0x03, // NIST P-256
            0x00, 0x10, // KDF: none
            0x00, 0x00, 0x00, 0x00, // unique: empty x and y
        ];
        assert_eq!(template, expected);
    }
}
