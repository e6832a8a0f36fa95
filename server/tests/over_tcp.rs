//! Pages through a real connection, as a browser gets them: the other integration tests call the
//! router in process and stop reading at the body's end, but hyper polls a body once more after
//! it, and on one keep-alive connection it goes on to the next request. A page stream that fails
//! then (html_stream's filter once panicked there) cuts every page a browser loads, though every
//! in-process test passes.

mod common;

use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One HTTP/1.1 answer read off `conn`: the status, its headers (names in lower case) and the
/// body, de-chunked. Errors when the connection ends before the body has (the cut page).
async fn read_answer(conn: &mut BufReader<TcpStream>) -> Result<(u16, Vec<(String, String)>, String), String> {
    let mut line = String::new();
    conn.read_line(&mut line).await.map_err(|e| e.to_string())?;
    let status: u16 = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or(format!("no status line: {line:?}"))?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        conn.read_line(&mut line).await.map_err(|e| e.to_string())?;
        if line.is_empty() {
            return Err("the connection ended inside the headers".into());
        }
        if line == "\r\n" {
            break;
        }
        let (name, value) = line.trim_end().split_once(':').ok_or(format!("not a header: {line:?}"))?;
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    let header = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    let mut body = Vec::new();
    if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            line.clear();
            conn.read_line(&mut line).await.map_err(|e| e.to_string())?;
            if line.is_empty() {
                return Err(format!("the connection ended inside the body, after {} bytes", body.len()));
            }
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16).map_err(|_| format!("not a chunk size: {line:?}"))?;
            let mut chunk = vec![0; size + 2];
            conn.read_exact(&mut chunk).await.map_err(|e| format!("the connection ended inside a chunk: {e}"))?;
            body.extend_from_slice(&chunk[..size]);
            if size == 0 {
                break;
            }
        }
    } else if let Some(length) = header("content-length") {
        let mut chunk = vec![0; length.parse().map_err(|_| "bad content-length")?];
        conn.read_exact(&mut chunk).await.map_err(|e| format!("the connection ended inside the body: {e}"))?;
        body = chunk;
    } else {
        return Err("neither chunked nor a length".into());
    }
    Ok((status, headers, String::from_utf8_lossy(&body).into_owned()))
}

#[tokio::test]
async fn pages_arrive_whole_and_the_connection_serves_the_next_request() {
    let (stores, _data) = common::stores().await;
    let app = common::router(stores);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await.unwrap();
    });

    let mut conn = BufReader::new(TcpStream::connect(addr).await.unwrap());
    // Citizens' pages with and without an island, each as a browser asks for it (compressed:
    // the compression layer reads the filtered page to its end and then once more) and as a
    // plain client does, one after another on the same connection.
    for path in ["/", "/odsherred/rettigheder", "/vallensbaek/book", "/katalog"] {
        for encoding in ["br, gzip", "identity"] {
            let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept-Encoding: {encoding}\r\nConnection: keep-alive\r\n\r\n");
            conn.get_mut().write_all(request.as_bytes()).await.unwrap();
            let answer = tokio::time::timeout(Duration::from_secs(30), read_answer(&mut conn)).await;
            let (status, headers, body) =
                answer.unwrap_or_else(|_| panic!("{path} ({encoding}): no whole answer within 30 s")).unwrap_or_else(|e| panic!("{path} ({encoding}): {e}"));
            assert_eq!(status, 200, "{path} ({encoding})");
            let compressed = headers.iter().any(|(n, v)| n == "content-encoding" && v != "identity");
            if encoding == "identity" {
                assert!(!compressed, "{path}: asked for no compression");
                assert!(body.trim_end().ends_with("</body></html>"), "{path}: the page ends with its document's end, got …{:?}", &body[body.len().saturating_sub(80)..]);
                assert_eq!(body.matches("</html>").count(), 1, "{path}: one document end");
            } else {
                assert!(compressed, "{path}: a browser's request is answered compressed");
            }
        }
    }
}
