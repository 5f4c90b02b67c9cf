//! A software TPM 2.0 (Debian's `swtpm`) for tests and benchmarks: one per "machine", each with
//! its own state (its own seeds, so a key wrapped by one cannot be loaded by another), on
//! loopback ports of its own. POINT reaches it through the TPM2 software stack's `swtpm` TCTI.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{fresh_temp_dir, StackError};

/// A running `swtpm`, stopped (and its state removed) when dropped.
#[derive(Debug)]
pub struct SoftwareTpm {
    child: Child,
    state_dir: PathBuf,
    port: u16,
}

impl SoftwareTpm {
    /// Starts a fresh TPM (manufactured now, started up) on two free loopback ports.
    pub fn start() -> Result<Self, StackError> {
        let state_dir = fresh_temp_dir()?;
        let mut last_failure = String::new();
        // Two adjacent free ports (the TCTI's control port is the command port + 1); another
        // process may take them between the check and swtpm's start, so a few tries.
        for _ in 0..5 {
            let port = adjacent_free_ports()?;
            let mut child = Command::new("swtpm")
                .arg("socket")
                .arg("--tpm2")
                .arg("--tpmstate")
                .arg(format!("dir={}", state_dir.display()))
                .arg("--server")
                .arg(format!("type=tcp,port={port},bindaddr=127.0.0.1"))
                .arg("--ctrl")
                .arg(format!("type=tcp,port={},bindaddr=127.0.0.1", port + 1))
                .arg("--flags")
                .arg("not-need-init,startup-clear")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .map_err(|e| {
                    StackError::Setup(format!(
                        "swtpm could not start ({e}): install Debian's swtpm (scripts/prerequisites)"
                    ))
                })?;
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                if let Some(status) = child.try_wait()? {
                    let mut stderr = String::new();
                    if let Some(mut pipe) = child.stderr.take() {
                        let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
                    }
                    last_failure = format!("swtpm exited ({status}): {}", stderr.trim());
                    break;
                }
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Ok(Self {
                        child,
                        state_dir,
                        port,
                    });
                }
                if Instant::now() > deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(StackError::Setup(format!(
                        "swtpm did not listen on port {port} within 10 s"
                    )));
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        Err(StackError::Setup(last_failure))
    }

    /// The TCTI that reaches this TPM (for `KeyHardware::tpm`, or tpm2-tools' `-T`).
    pub fn tcti(&self) -> String {
        format!("swtpm:host=127.0.0.1,port={}", self.port)
    }
}

impl Drop for SoftwareTpm {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.state_dir);
    }
}

/// A port `p` such that `p` and `p + 1` are free on loopback now.
fn adjacent_free_ports() -> std::io::Result<u16> {
    for _ in 0..50 {
        let first = TcpListener::bind(("127.0.0.1", 0))?;
        let port = first.local_addr()?.port();
        if port < u16::MAX && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return Ok(port);
        }
    }
    Err(std::io::Error::other("no two adjacent free loopback ports"))
}
