//! The software DPoP key: a P-256 key made by ring, its PKCS#8 form kept in the keychain entry
//! beside the refresh token. Whoever copies that entry copies the key with it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::rand::SystemRandom;
use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};

use super::key::{KeyError, KeyProtection, ProofSigner};

pub(super) struct SoftwareKey {
    pair: EcdsaKeyPair,
    pkcs8: Vec<u8>,
    point: [u8; 65],
}

impl SoftwareKey {
    pub fn generate() -> Result<Self, KeyError> {
        let pkcs8 =
            EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &SystemRandom::new())
                .map_err(|_| KeyError::NoRandomness)?;
        Self::from_pkcs8(pkcs8.as_ref()).ok_or(KeyError::NoRandomness)
    }

    /// The key as [`ProofSigner::to_stored`] wrote it (base64url PKCS#8). Total.
    pub fn from_stored(stored: &str) -> Option<Self> {
        let pkcs8 = URL_SAFE_NO_PAD.decode(stored).ok()?;
        Self::from_pkcs8(&pkcs8)
    }

    fn from_pkcs8(pkcs8: &[u8]) -> Option<Self> {
        let pair = EcdsaKeyPair::from_pkcs8(
            &ECDSA_P256_SHA256_FIXED_SIGNING,
            pkcs8,
            &SystemRandom::new(),
        )
        .ok()?;
        // An uncompressed point: 0x04, x (32 bytes), y (32 bytes).
        let point: [u8; 65] = pair.public_key().as_ref().try_into().ok()?;
        if point[0] != 4 {
            return None;
        }
        Some(Self {
            pair,
            pkcs8: pkcs8.to_vec(),
            point,
        })
    }
}

impl ProofSigner for SoftwareKey {
    fn public_point(&self) -> &[u8; 65] {
        &self.point
    }

    fn sign(&self, message: &[u8]) -> Result<[u8; 64], KeyError> {
        // With the fixed encoding the signature is r || s. Signing fails only if the OS's
        // random source does.
        let signature = self
            .pair
            .sign(&SystemRandom::new(), message)
            .map_err(|_| KeyError::NoRandomness)?;
        signature
            .as_ref()
            .try_into()
            .map_err(|_| KeyError::NoRandomness)
    }

    fn to_stored(&self) -> String {
        URL_SAFE_NO_PAD.encode(&self.pkcs8)
    }

    fn protection(&self) -> KeyProtection {
        KeyProtection::Software
    }
}
