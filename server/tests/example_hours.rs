//! Example hours never reach a real citizen. The seeds give no booking hours, so the content's
//! hours are examples. Run as a real service (`RMP_EXAMPLE_HOURS` unset), the portal offers none
//! of them: the booking page gives the site's phone and says booking opens when the site
//! publishes its times, and a posted example time is refused. Once an admin saves the site's
//! hours they are reviewed and offered, unmarked. (Where the portal shows examples, as
//! `scripts/run.sh` does, they are offered marked: `no_internals.rs`,
//! `example_hours_are_offered_marked_where_the_portal_shows_them`.)

mod common;

use axum::http::StatusCode;

#[tokio::test]
async fn a_real_service_offers_no_example_hours_until_the_site_reviews_them() {
    app::example_hours::decide(false).unwrap();
    let (stores, _data) = common::stores().await;
    let anon = stores.anon.clone();
    let app = common::router(stores);
    let sites = app::api::staff::logic::sites();
    let get = |uri: &'static str| {
        let app = app.clone();
        async move {
            let (status, page) = common::get(&app, uri).await;
            assert_eq!(status, StatusCode::OK, "{uri}");
            page
        }
    };

    let pitstop = sites.iter().find(|s| s.kommuner.iter().any(|k| k == "ishoj")).unwrap();
    assert!(pitstop.example, "the content's hours for Pitstop are examples");
    let kind = pitstop.talks.iter().find(|k| k.id == "fremmoede").unwrap();
    let phone = pitstop.phone.clone().unwrap();

    // No times, the site's phone, and when booking opens.
    let page = get("/ishoj/book?samtale=fremmoede").await;
    assert!(page.contains("id=\"hours-pending\""), "{page}");
    assert!(page.contains(&phone) && page.contains("når stedet offentliggør sine tider"), "{page}");
    // The number is the one the municipality's standard gives, cited.
    let cited = app::content::content().kommune(app::content::find_kommune("ishoj").unwrap()).phone.clone().unwrap();
    let after: String = page[page.find("id=\"hours-pending\"").unwrap()..].chars().take(900).collect();
    assert!(after.contains("class=\"citation\"") && after.contains(&format!("/standarder/{}", cited.source.doc_id)), "{page}");
    assert!(!page.contains("name=\"tid\"") && !page.contains("class=\"example-note\""), "{page}");

    // A time from the example hours, posted anyway, books nothing.
    let monday_ten = "2026-12-07T10:00:00+01:00";
    let (_, refused) = common::post(&app, "192.0.2.50:40000", "/ishoj/book", &[("samtale", "fremmoede"), ("tid", monday_ten), ("trin", "book")]).await;
    assert!(!refused.contains("id=\"token\"") && refused.contains("id=\"book-error\""), "{refused}");

    // The admin saves the site's hours: now they are reviewed, offered, and not called examples.
    anon.save_opening_hours(&pitstop.id, &kind.id, &kind.hours).await.unwrap();
    let page = get("/ishoj/book?samtale=fremmoede").await;
    assert!(page.contains("name=\"tid\"") && !page.contains("id=\"hours-pending\"") && !page.contains("class=\"example-note\""), "{page}");
    // The site's other kind of talk is still unreviewed.
    let phone_talk = get("/ishoj/book?samtale=telefon").await;
    assert!(phone_talk.contains("id=\"hours-pending\""), "{phone_talk}");
}
