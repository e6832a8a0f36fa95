#![recursion_limit = "256"]
use app::store::{AnonStore, CaseStore};
use leptos::prelude::get_configuration;
use server::config::Config;
use server::{router, Stores};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // One line that says what to fix.
            eprintln!("rusmiddelportalen: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let leptos_options = get_configuration(None).map_err(|e| format!("Leptos configuration: {e}"))?.leptos_options;
    let config = Config::from_env(leptos_options.site_addr).map_err(|e| e.to_string())?;
    app::content::Content::parse().map_err(|e| format!("content files: {e}"))?;

    let anon = AnonStore::open(&config.data_dir, config.token_secret.clone()).await.map_err(|e| e.to_string())?;
    let retention_days = server::case_forms::retention_days_from_env()?;
    let case = CaseStore::open(&config.data_dir).await.map_err(|e| e.to_string())?.with_retention_days(retention_days);
    server::case_forms::spawn_retention_purge(case.clone());
    let stores = Stores { anon: anon.clone(), case: case.clone() };

    let attempts = std::env::var(server::throttle::ENV_ATTEMPTS_PER_HOUR)
        .ok()
        .map(|v| v.trim().parse::<u32>().map_err(|_| format!("{}={v:?} is not a whole number", server::throttle::ENV_ATTEMPTS_PER_HOUR)))
        .transpose()?
        .unwrap_or(server::throttle::DEFAULT_ATTEMPTS_PER_HOUR);
    let guesses = std::sync::Arc::new(server::throttle::GuessLimit::new(attempts));
    {
        let guesses = guesses.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
            loop {
                every.tick().await;
                guesses.forget_idle();
            }
        });
    }
    let app = router(leptos_options, stores, guesses);
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {} ({e}): set RMP_LISTEN to a free address", config.listen))?;
    // Without TCP_NODELAY every keep-alive response waits ~40 ms (Nagle + delayed ACK).
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    tracing::info!("Rusmiddelportalen is running at http://{}", config.listen);
    println!("Rusmiddelportalen kører på http://{}", config.listen);
    // Connection addresses reach only the guess throttle (see throttle.rs); nothing logs them.
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| format!("server stopped: {e}"))?;
    anon.close().await;
    case.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}
