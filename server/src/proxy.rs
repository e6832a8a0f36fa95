//! Running behind a reverse proxy: who the client is, and which origin is the portal's own.
//!
//! Behind a proxy every connection comes from the proxy, so limits keyed on the TCP peer would
//! give all citizens one budget, and one guesser could lock everyone out. The proxy says whom it
//! served in `X-Forwarded-For`; the portal believes that header only when the connection comes
//! from a proxy named in `RMP_TRUSTED_PROXIES`. From anyone else it is ignored, so nobody escapes
//! a limit by writing the header themselves. The address found reaches the limits only, as a
//! keyed hash (`throttle.rs`); nothing logs it.
//!
//! A proxy may also rewrite `Host`, so the staff forms' same-origin check compares the browser's
//! `Origin` with `RMP_PUBLIC_ORIGIN` (the address citizens and staff type) where it is set.

use axum::extract::connect_info::MockConnectInfo;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

pub const ENV_TRUSTED_PROXIES: &str = "RMP_TRUSTED_PROXIES";
pub const ENV_PUBLIC_ORIGIN: &str = "RMP_PUBLIC_ORIGIN";

/// The proxies whose `X-Forwarded-For` is believed: addresses or networks. Empty by default:
/// then the TCP peer is the client.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Reads a comma-separated list such as `127.0.0.1, 10.0.0.0/8, ::1`.
    pub fn parse(value: &str) -> Result<TrustedProxies, String> {
        value
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpNet>()
                    .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("{ENV_TRUSTED_PROXIES}: {s:?} is neither an address nor a network (such as 10.0.0.0/8)"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, addr: IpAddr) -> bool {
        let addr = addr.to_canonical();
        self.0.iter().any(|net| net.contains(&addr))
    }

    /// The client's address. The TCP peer, unless it is a trusted proxy: then the rightmost
    /// address in `X-Forwarded-For` that is not a trusted proxy itself. Each proxy appends the
    /// address it was connected from, so what stands left of that could be the client's own
    /// writing and is never read. Where the header gives nothing usable, the last trusted hop
    /// is the client (all such requests then share its budget, which is the safe side).
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let mut hop = peer;
        let entries: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        for entry in entries.into_iter().rev() {
            let Ok(addr) = entry.parse::<IpAddr>().map(|a| a.to_canonical()) else {
                return hop;
            };
            if !self.trusts(addr) {
                return addr;
            }
            hop = addr;
        }
        hop
    }
}

/// The client's address as [`TrustedProxies::client`] finds it: for the limits only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// Finds the client's address once per request and hands it on as a [`ClientAddr`] extension.
/// A request without a connection address (a test calling the router directly) gets none, and
/// a handler that needs one refuses it.
pub async fn find_client(State(proxies): State<Arc<TrustedProxies>>, mut req: Request, next: Next) -> Response {
    let extensions = req.extensions();
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0)
        // What a test's `MockConnectInfo` layer gives, as axum's own extractor accepts it.
        .or_else(|| extensions.get::<MockConnectInfo<SocketAddr>>().map(|m| m.0));
    if let Some(peer) = peer {
        let client = proxies.client(peer.ip(), req.headers());
        req.extensions_mut().insert(ClientAddr(client));
    }
    next.run(req).await
}

/// The portal's public origin, `https://host[:port]`, as a browser sends it in `Origin`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicOrigin(String);

impl PublicOrigin {
    /// Reads `https://portal.kommune.dk` (or `http://…` for a test on loopback): a scheme and a
    /// host, an optional port, nothing after.
    pub fn parse(value: &str) -> Result<PublicOrigin, String> {
        let value = value.trim().trim_end_matches('/');
        let bad = || format!("{ENV_PUBLIC_ORIGIN}: {value:?} is no origin: write it as the browser shows it, such as https://rusmiddel.kommune.dk");
        let host = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://")).ok_or_else(bad)?;
        let host_ok = !host.is_empty() && !host.contains(['/', '?', '#', '@', ' ']);
        if !host_ok {
            return Err(bad());
        }
        Ok(PublicOrigin(value.to_ascii_lowercase()))
    }

    /// Whether a browser's `Origin` header names this origin.
    pub fn is(&self, origin: &str) -> bool {
        origin.eq_ignore_ascii_case(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        headers
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        let none = TrustedProxies::default();
        assert_eq!(none.client(ip("198.51.100.7"), &forwarded(&["203.0.113.9"])), ip("198.51.100.7"));
    }

    #[test]
    fn a_forged_header_from_a_peer_that_is_no_proxy_is_ignored() {
        let proxies = TrustedProxies::parse("127.0.0.1").unwrap();
        assert_eq!(proxies.client(ip("198.51.100.7"), &forwarded(&["203.0.113.9"])), ip("198.51.100.7"));
    }

    #[test]
    fn behind_a_trusted_proxy_the_address_it_appended_is_the_client() {
        let proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8").unwrap();
        // The client wrote its own entry first; the proxy appended the address it saw.
        let headers = forwarded(&["192.0.2.66, 203.0.113.9"]);
        assert_eq!(proxies.client(ip("127.0.0.1"), &headers), ip("203.0.113.9"));
        // Two proxies, each appending: the rightmost address that is no proxy of ours.
        let headers = forwarded(&["192.0.2.66", "203.0.113.9, 10.1.2.3"]);
        assert_eq!(proxies.client(ip("127.0.0.1"), &headers), ip("203.0.113.9"));
        // IPv4 as an IPv6-mapped peer is the same proxy.
        assert_eq!(proxies.client(ip("::ffff:127.0.0.1"), &forwarded(&["203.0.113.9"])), ip("203.0.113.9"));
    }

    #[test]
    fn a_useless_header_leaves_the_last_trusted_hop_as_the_client() {
        let proxies = TrustedProxies::parse("127.0.0.1,10.0.0.0/8").unwrap();
        assert_eq!(proxies.client(ip("127.0.0.1"), &HeaderMap::new()), ip("127.0.0.1"));
        assert_eq!(proxies.client(ip("127.0.0.1"), &forwarded(&["unknown"])), ip("127.0.0.1"));
        assert_eq!(proxies.client(ip("127.0.0.1"), &forwarded(&["not-an-address, 10.0.0.5"])), ip("10.0.0.5"));
    }

    #[test]
    fn the_settings_are_read_or_refused_with_a_reason() {
        assert_eq!(TrustedProxies::parse("").unwrap(), TrustedProxies::default());
        assert!(TrustedProxies::parse("10.0.0.0/33").unwrap_err().contains("10.0.0.0/33"));
        assert!(TrustedProxies::parse("proxy.local").is_err());
        let origin = PublicOrigin::parse("https://Rusmiddel.Kommune.dk/").unwrap();
        assert!(origin.is("https://rusmiddel.kommune.dk"));
        assert!(!origin.is("http://rusmiddel.kommune.dk"));
        assert!(!origin.is("https://evil.example"));
        assert!(PublicOrigin::parse("rusmiddel.kommune.dk").is_err());
        assert!(PublicOrigin::parse("https://rusmiddel.kommune.dk/personale").is_err());
    }
}
