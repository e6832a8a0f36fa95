#![recursion_limit = "256"]
use leptos::prelude::get_configuration;
use server::config::Config;
use server::{router, Limits, Stores};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// See server/Cargo.toml: pages allocate a lot, and mimalloc does it in less CPU than glibc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    {
        use tracing_subscriber::layer::SubscriberExt;
        use tracing_subscriber::util::SubscriberInitExt;
        tracing_subscriber::fmt()
            .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
            .with_target(false)
            .with_writer(std::io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .finish()
            // Every error line is also counted, by the store it names, for /metrics.
            .with(server::metrics::ErrorCount)
            .init();
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check-content") => return check_content(&args[1..]),
        Some("backup") => backup(&args[1..]).await,
        // Every other command works on the municipalities of the content the server serves.
        command @ (None | Some("add-staff") | Some("assign-staff")) => match server::content_dir::load_from_env() {
            Err(message) => Err(message),
            Ok(origin) => match command {
                None => run(&origin).await,
                Some("add-staff") => add_staff(&args[1..]).await,
                _ => assign_staff(&args[1..]).await,
            },
        },
        Some(other) => Err(format!(
            "unknown command {other:?}: run without arguments to serve, `add-staff USERNAME ROLE KOMMUNE [SITE ...]`, `assign-staff USERNAME KOMMUNE [SITE ...]`, `backup DIR` or `check-content DIR`"
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // One line that says what to fix.
            eprintln!("rusmiddelportalen: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `server check-content DIR`: how a municipality's content is reviewed before it is served.
/// Prints every problem as `file:line: what`, and exits non-zero if there is one.
fn check_content(args: &[String]) -> ExitCode {
    let [dir] = args else {
        eprintln!("rusmiddelportalen: usage: check-content DIR");
        return ExitCode::FAILURE;
    };
    let problems = server::content_dir::check_dir(std::path::Path::new(dir));
    for p in &problems {
        println!("{dir}/{p}");
    }
    if problems.is_empty() {
        println!("{dir}: ingen fejl fundet");
        ExitCode::SUCCESS
    } else {
        println!("{dir}: {} fejl", problems.len());
        ExitCode::FAILURE
    }
}

/// `server backup DIR`: a consistent copy of the stores in `RMP_DATA_DIR`, taken while the portal
/// serves (see README, "Backups"). Prints each file written.
async fn backup(args: &[String]) -> Result<(), String> {
    let [target] = args else {
        return Err("usage: backup DIR (a new or empty directory; the stores are copied into it)".to_string());
    };
    let data_dir = server::config::data_dir_from_env().map_err(|e| e.to_string())?;
    let written = app::store::backup(&data_dir, std::path::Path::new(target)).await.map_err(|e| e.to_string())?;
    for file in &written {
        println!("{}", file.display());
    }
    println!("The token secret is not in this backup: back it up separately (README, \"Backups\").");
    Ok(())
}

async fn run(content_origin: &str) -> Result<(), String> {
    let leptos_options = get_configuration(None).map_err(|e| format!("Leptos configuration: {e}"))?.leptos_options;
    let config = Config::from_env(leptos_options.site_addr).map_err(|e| e.to_string())?;
    if let Some(start) = config.clock_start {
        app::clock::start_at(start).map_err(|e| e.to_string())?;
        tracing::warn!("the clock starts at {start} ({}), not the system's time: for tests and rehearsals only", server::config::ENV_CLOCK_START);
    }
    tracing::info!("content: {content_origin}, {} municipalities", app::content::kommuner().len());
    let example_hours = server::config::example_hours_shown(std::env::var(server::config::ENV_EXAMPLE_HOURS).ok().as_deref())?;
    app::example_hours::decide(example_hours).map_err(|e| e.to_string())?;
    if example_hours {
        tracing::warn!("example opening hours are offered to citizens, marked as examples ({}=vis): not for a real service", server::config::ENV_EXAMPLE_HOURS);
    }

    // The token secret, checked against the anonymous store (or made, for an empty one).
    let (anon, token_secret) =
        server::config::open_anon_checked(&config.data_dir, &config.token_secret_file, config.token_secret.clone(), config.new_token_secret).await?;
    let retention_days = server::case_forms::retention_days_from_env()?;
    let case = server::config::open_case(&config.data_dir).await?.with_retention_days(retention_days);
    server::case_forms::spawn_retention_purge(case.clone());
    let staff = server::config::open_staff(&config.data_dir).await?;
    seed_opening_hours(&anon).await?;
    if staff.enabled_admins(None).await.map_err(|e| e.to_string())? == 0 {
        tracing::warn!("no staff administrator yet: create one with `scripts/run.sh add-staff USERNAME admin KOMMUNE`");
    }
    let unassigned = staff.unassigned_accounts().await.map_err(|e| e.to_string())?;
    if unassigned > 0 {
        tracing::warn!(
            "{unassigned} staff account(s) have no municipality and can enter nothing: give each one with `scripts/run.sh assign-staff USERNAME KOMMUNE [SITE ...]`"
        );
    }
    let stores = Stores { anon: anon.clone(), case: case.clone(), staff: staff.clone() };
    spawn_retention(anon.clone(), config.anon_retention_days, config.token_retention_months, config.message_retention_days);

    let attempts = std::env::var(server::throttle::ENV_ATTEMPTS_PER_HOUR)
        .ok()
        .map(|v| v.trim().parse::<u32>().map_err(|_| format!("{}={v:?} is not a whole number", server::throttle::ENV_ATTEMPTS_PER_HOUR)))
        .transpose()?
        .unwrap_or(server::throttle::DEFAULT_ATTEMPTS_PER_HOUR);
    let guesses = server::throttle::WindowLimit::per_hour(attempts);
    let bookings_per_day = std::env::var(server::throttle::ENV_BOOKINGS_PER_DAY)
        .ok()
        .map(|v| v.trim().parse::<u32>().ok().filter(|n| *n > 0).ok_or(format!("{}={v:?} is not a whole number above 0", server::throttle::ENV_BOOKINGS_PER_DAY)))
        .transpose()?
        .unwrap_or(server::throttle::DEFAULT_BOOKINGS_PER_DAY);
    let bookings = server::throttle::WindowLimit::per_day(bookings_per_day);
    let threads_per_day = std::env::var(server::throttle::ENV_THREADS_PER_DAY)
        .ok()
        .map(|v| v.trim().parse::<u32>().ok().filter(|n| *n > 0).ok_or(format!("{}={v:?} is not a whole number above 0", server::throttle::ENV_THREADS_PER_DAY)))
        .transpose()?
        .unwrap_or(server::throttle::DEFAULT_THREADS_PER_DAY);
    let threads = server::throttle::WindowLimit::per_day(threads_per_day);
    let sign_in_attempts = std::env::var(server::staff_forms::ENV_SIGN_IN_ATTEMPTS_PER_HOUR)
        .ok()
        .map(|v| v.trim().parse::<u32>().map_err(|_| format!("{}={v:?} is not a whole number", server::staff_forms::ENV_SIGN_IN_ATTEMPTS_PER_HOUR)))
        .transpose()?
        .unwrap_or(server::staff_forms::DEFAULT_SIGN_IN_ATTEMPTS_PER_HOUR);
    let sign_ins = server::staff_forms::SignInLimit::new(sign_in_attempts);
    // Several instances behind a proxy count in one database; one instance counts in memory.
    let shared_counts = match std::env::var(server::throttle::ENV_LIMITS_DATABASE_URL).ok().filter(|v| !v.trim().is_empty()) {
        Some(url) => Some(app::store::LimitCounts::connect(url.trim()).await.map_err(|e| e.to_string())?),
        None => None,
    };
    let (guesses, bookings, threads, sign_ins) = match &shared_counts {
        Some(counts) => {
            let key = token_secret.derive(server::throttle::LIMITS_KEY_PURPOSE);
            tracing::info!("the limits are counted in the limits database, shared by every instance");
            (
                guesses.shared(counts.clone(), "guesses", key),
                bookings.shared(counts.clone(), "bookings", key),
                threads.shared(counts.clone(), "threads", key),
                sign_ins.shared(counts.clone(), key),
            )
        }
        None => (guesses, bookings, threads, sign_ins),
    };
    let (guesses, bookings, threads, sign_ins) =
        (std::sync::Arc::new(guesses), std::sync::Arc::new(bookings), std::sync::Arc::new(threads), std::sync::Arc::new(sign_ins));
    {
        let (guesses, bookings, threads, sign_ins) = (guesses.clone(), bookings.clone(), threads.clone(), sign_ins.clone());
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
            loop {
                every.tick().await;
                let now = app::clock::now();
                guesses.forget_expired(now).await;
                bookings.forget_expired(now).await;
                threads.forget_expired(now).await;
                sign_ins.forget_expired(now).await;
            }
        });
    }
    let proxies = server::proxy::TrustedProxies::parse(&std::env::var(server::proxy::ENV_TRUSTED_PROXIES).unwrap_or_default())?;
    let public_origin = std::env::var(server::proxy::ENV_PUBLIC_ORIGIN)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map(|v| server::proxy::PublicOrigin::parse(&v))
        .transpose()?;
    app::api::messages::logic::keep_threads_for(config.message_retention_days);
    let metrics_listen = server::metrics::listen_from_env(config.listen)?;
    let scraped = server::metrics::Scraped { stores: stores.clone(), limits: shared_counts.clone() };
    let accessibility_statement = server::accessibility::StatementUrl::from_env()?;
    let limits = Limits {
        guesses,
        bookings,
        threads,
        shared_counts,
        sign_ins,
        secure_cookies: config.secure_cookies,
        proxies,
        public_origin,
        accessibility_statement,
    };
    let app = router(leptos_options, stores, limits);
    // /metrics on its own address, bound before the portal's so that a taken port stops the start
    // with one line, not a portal without metrics.
    let metrics_listener = tokio::net::TcpListener::bind(metrics_listen)
        .await
        .map_err(|e| format!("cannot listen for metrics on {metrics_listen} ({e}): set {} to a free address", server::metrics::ENV_METRICS_LISTEN))?;
    let metrics_at = metrics_listener.local_addr().map_err(|e| e.to_string())?;
    tokio::spawn(async move {
        if let Err(e) = axum::serve(metrics_listener, server::metrics::routes(scraped)).await {
            tracing::error!("the metrics listener stopped: {e}");
        }
    });
    tracing::info!("metrics at http://{metrics_at}{}", server::metrics::METRICS_PATH);
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
    // Connection addresses (or, from a trusted proxy, the client's it names) reach only the
    // limits (throttle.rs, proxy.rs); nothing logs them.
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| format!("server stopped: {e}"))?;
    anon.close().await;
    case.close().await;
    staff.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Puts the content file's opening hours into the anonymous store where it has none: the file
/// only seeds a new database; after that, admins edit the hours at /personale/aabningstider.
async fn seed_opening_hours(anon: &app::store::AnonStore) -> Result<(), String> {
    for site in server_sites() {
        for kind in &site.talks {
            anon.seed_opening_hours(&site.id, &kind.id, &kind.hours, !site.example).await.map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn server_sites() -> Vec<&'static app::content::BookingSite> {
    app::api::staff::logic::sites()
}

/// Runs the retention purge at start and then every hour: anonymous bookings go
/// `days` after their talk, tokens and their counts `months` after their last talk, message
/// threads `message_days` after their last message.
fn spawn_retention(anon: app::store::AnonStore, days: u32, months: u32, message_days: u32) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every.tick().await;
            match anon.purge(app::clock::now(), days, months).await {
                Ok(p) if p.bookings + p.holders > 0 => tracing::info!(bookings = p.bookings, holders = p.holders, "retention purge"),
                Ok(_) => {}
                Err(e) => tracing::error!(store = "anon", "retention purge failed: {e}"),
            }
            // Evaluation codes past their last month (issue 18); the counts stay.
            match anon.evaluations().purge(app::api::evaluation::logic::month_of(app::clock::now())).await {
                Ok(0) => {}
                Ok(codes) => tracing::info!(codes, "evaluation codes purged"),
                Err(e) => tracing::error!(store = "anon", "purging evaluation codes failed: {e}"),
            }
            // Message threads (issue 19), with their sealed bodies.
            match anon.threads().purge(app::clock::today(), message_days).await {
                Ok(0) => {}
                Ok(threads) => tracing::info!(threads, "message threads purged"),
                Err(e) => tracing::error!(store = "anon", "purging message threads failed: {e}"),
            }
        }
    });
}

/// `server add-staff USERNAME ROLE KOMMUNE [SITE ...]`: creates a staff account (a
/// municipality's first administrator, say) in that municipality; a counsellor with the sites
/// whose calendars they work. The password is read from the terminal without echo, or as one
/// line from standard input.
async fn add_staff(args: &[String]) -> Result<(), String> {
    let roles = app::domain::staff::Role::ALL.map(|r| r.slug()).join(", ");
    let [username, role, kommune, sites @ ..] = args else {
        return Err(format!("usage: add-staff USERNAME ROLE KOMMUNE [SITE ...]   (ROLE is one of: {roles}; SITE only for {})", app::domain::staff::Role::AnonymousCounsellor.slug()));
    };
    let role = app::domain::staff::Role::from_slug(role).ok_or_else(|| format!("unknown role {role:?}: use one of {roles}"))?;
    let scope = app::api::staff::logic::check_scope(Some(role), kommune, sites)?;
    let data_dir = data_dir()?;
    let password = if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        let first = rpassword::prompt_password("Adgangskode (mindst 12 tegn): ").map_err(|e| e.to_string())?;
        let again = rpassword::prompt_password("Gentag adgangskoden: ").map_err(|e| e.to_string())?;
        if first != again {
            return Err("the two passwords differ; nothing was created".into());
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(|e| e.to_string())?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    let staff = server::config::open_staff(&data_dir).await?;
    let result = staff.create_account(username, &password, role, &scope).await;
    staff.close().await;
    match result {
        Ok(_) => {
            println!("Kontoen {} ({}, {}) er oprettet i {}.", username.trim().to_lowercase(), role.slug(), scope.kommune, data_dir.display());
            Ok(())
        }
        Err(app::store::AccountError::Invalid(why)) => Err(format!("not created: {}", app::text::t::account_problem(why))),
        Err(app::store::AccountError::Taken) => Err(format!("not created: the username {username:?} is taken")),
        Err(e) => Err(e.to_string()),
    }
}

/// `server assign-staff USERNAME KOMMUNE [SITE ...]`: gives an existing account its
/// municipality and sites. The migration path for accounts made before accounts had one (they
/// sign in but enter nothing until then); also how a counsellor's sites change. Ends the
/// account's sessions.
async fn assign_staff(args: &[String]) -> Result<(), String> {
    let [username, kommune, sites @ ..] = args else {
        return Err("usage: assign-staff USERNAME KOMMUNE [SITE ...]".into());
    };
    let scope = app::api::staff::logic::check_scope(None, kommune, sites)?;
    let data_dir = data_dir()?;
    let staff = server::config::open_staff(&data_dir).await?;
    let result = staff.assign(username, &scope).await;
    staff.close().await;
    match result.map_err(|e| e.to_string())? {
        true => {
            println!("Kontoen {} hører nu til {}{}.", username.trim().to_lowercase(), scope.kommune, if sites.is_empty() { String::new() } else { format!(" ({})", sites.join(", ")) });
            Ok(())
        }
        false => Err(format!("no account {username:?} in {}", data_dir.display())),
    }
}

fn data_dir() -> Result<std::path::PathBuf, String> {
    let data_dir = std::path::PathBuf::from(std::env::var(server::config::ENV_DATA_DIR).unwrap_or_else(|_| server::config::DEFAULT_DATA_DIR.into()));
    server::config::check_data_dir(&data_dir).map_err(|e| e.to_string())?;
    Ok(data_dir)
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
