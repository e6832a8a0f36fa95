//! Downloads for professionals: the comparison as CSV. A plain GET route, so the link works
//! without JavaScript and can be pasted into a report's sources.

use app::api::catalogue::logic::comparison_csv;
use axum::extract::RawQuery;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router {
    Router::new().route("/sammenlign.csv", get(comparison))
}

async fn comparison(RawQuery(query): RawQuery) -> Response {
    match comparison_csv(query.as_deref(), app::clock::today()) {
        Ok((file_name, bytes)) => {
            // The name is built from known slugs and a date: plain ASCII, safe in the header.
            let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
                .unwrap_or_else(|_| HeaderValue::from_static("attachment; filename=\"sammenligning.csv\""));
            (
                [(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")), (header::CONTENT_DISPOSITION, disposition)],
                bytes,
            )
                .into_response()
        }
        // A Danish sentence, not a 500: unknown municipality or fewer than two.
        Err(message) => (StatusCode::BAD_REQUEST, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], message).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    async fn get_csv(uri: &str) -> (StatusCode, String, Option<String>, String) {
        let res = routes().oneshot(axum::http::Request::get(uri).body(axum::body::Body::empty()).unwrap()).await.unwrap();
        let status = res.status();
        let ctype = res.headers().get(header::CONTENT_TYPE).unwrap().to_str().unwrap().to_string();
        let disp = res.headers().get(header::CONTENT_DISPOSITION).map(|v| v.to_str().unwrap().to_string());
        let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
        (status, ctype, disp, body)
    }

    #[tokio::test]
    async fn a_comparison_downloads_as_csv_with_a_file_name() {
        let (status, ctype, disp, body) = get_csv("/sammenlign.csv?kommune=odsherred&kommune=ishoj").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(ctype, "text/csv; charset=utf-8");
        let disp = disp.unwrap();
        assert!(disp.starts_with("attachment; filename=\"sammenligning-odsherred-ishoj-"), "{disp}");
        assert!(body.contains("Odsherred Kommune;") && body.contains("Ishøj Kommune;"));
    }

    #[tokio::test]
    async fn a_bad_request_gets_a_danish_message_not_a_500() {
        let (status, ctype, disp, body) = get_csv("/sammenlign.csv?kommune=odsherred&kommune=roskilde").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(ctype.starts_with("text/plain"));
        assert!(disp.is_none());
        assert!(body.contains("»roskilde«") && body.contains("Kommunen findes ikke i portalen"));
        let (status, _, _, body) = get_csv("/sammenlign.csv").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains("mindst to kommuner"));
    }
}
