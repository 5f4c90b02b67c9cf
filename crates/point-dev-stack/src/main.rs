//! `dev-stack`: runs the Okta-shaped provider and the dev dashboard until interrupted.
//!
//! Usage: dev-stack --env-file FILE [--org-server] [--auto-login] [--state-dir DIR]
//!                  [--access-token-ttl SECONDS]
//!
//! Writes FILE with POINT_OKTA_DOMAIN, POINT_CLIENT_ID, POINT_API_BASE and POINT_CA_FILE once both
//! services answer, then runs in the foreground; Ctrl-C (or SIGTERM) stops both and removes FILE.

use std::path::PathBuf;
use std::process::ExitCode;

use point_dev_stack::{DevStack, ProviderOptions, ServerShape, StackOptions};

const USAGE: &str = "usage: dev-stack --env-file FILE [--org-server] [--auto-login] [--state-dir DIR] [--access-token-ttl SECONDS]";

struct Args {
    env_file: PathBuf,
    options: StackOptions,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut env_file = None;
    let mut options = StackOptions::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--env-file" => {
                env_file = Some(PathBuf::from(args.next().ok_or("--env-file needs a path")?))
            }
            "--state-dir" => {
                options.state_dir = Some(PathBuf::from(
                    args.next().ok_or("--state-dir needs a path")?,
                ))
            }
            "--org-server" => options.provider.shape = ServerShape::Org,
            "--auto-login" => options.provider.auto_login = true,
            "--access-token-ttl" => {
                let value = args
                    .next()
                    .ok_or("--access-token-ttl needs a number of seconds")?;
                let seconds = value.parse().map_err(|_| {
                    format!("--access-token-ttl: {value:?} is not a number of seconds")
                })?;
                options.provider = ProviderOptions {
                    access_token_ttl: Some(seconds),
                    ..options.provider
                };
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let env_file = env_file.ok_or_else(|| format!("--env-file is required\n{USAGE}"))?;
    Ok(Args { env_file, options })
}

#[tokio::main]
async fn main() -> ExitCode {
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let levels = std::env::var("RUST_LOG")
        .ok()
        .and_then(|levels| levels.parse::<Targets>().ok())
        .unwrap_or_else(|| Targets::new().with_default(LevelFilter::INFO));
    tracing_subscriber::registry()
        .with(levels)
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        .init();
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut options = args.options;
    if options.state_dir.is_none() {
        options.state_dir = Some(point_dev_stack::repository_root().join(".dev-stack"));
    }

    let stack = match DevStack::start(options).await {
        Ok(stack) => stack,
        Err(error) => {
            eprintln!("dev-stack: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = std::fs::write(&args.env_file, stack.env_file()) {
        eprintln!(
            "dev-stack: could not write {}: {error}",
            args.env_file.display()
        );
        stack.stop().await;
        return ExitCode::FAILURE;
    }
    eprint!(
        "dev-stack: ready; settings in {}\n{}",
        args.env_file.display(),
        stack.env_file()
    );

    wait_for_interrupt().await;
    eprintln!("dev-stack: stopping");
    stack.stop().await;
    let _ = std::fs::remove_file(&args.env_file);
    ExitCode::SUCCESS
}

async fn wait_for_interrupt() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
