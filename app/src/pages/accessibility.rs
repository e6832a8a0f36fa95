use crate::components::Layout;
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/tilgaengelighed`: the accessibility statement the web accessibility act requires.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <Title text=format!("{} – {}", t::A11Y_TITLE, t::PORTAL_NAME)/>
        <Layout>
            <h1>{t::A11Y_TITLE}</h1>
            <p class="font-lead">
                "Rusmiddelportalen skal kunne bruges af alle. Portalen er omfattet af lov om "
                "tilgængelighed af offentlige organers websteder og mobilapplikationer og skal "
                "overholde WCAG 2.1 niveau AA."
            </p>
            <h2>"Sådan tester vi"</h2>
            <ul>
                <li>"Hver side testes automatisk med axe-core i en browser med en mobilskærm (390 × 844), både med og uden JavaScript."</li>
                <li>"Alle formularer virker uden JavaScript, og alt kan bruges med tastaturet."</li>
                <li>"Knappen »Forlad siden« er det første, du når med tabulatortasten."</li>
            </ul>
            <h2>"Kendte mangler"</h2>
            <p>
                "Kvalitetsstandarderne, som portalens oplysninger bygger på, er udgivet som PDF-filer af kommunerne. "
                "Portalen gengiver deres indhold som tekst, men kan ikke ændre de oprindelige filer."
            </p>
            <h2>"Fandt du en fejl?"</h2>
            <p>
                "Kontakt den kommune, hvis side du brugte: kontaktoplysningerne står nederst på kommunens sider. "
                "Får du ikke et tilfredsstillende svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med webtilgængelighed."
            </p>
            <p class="citation">"Erklæringen er senest opdateret 23. november 2026."</p>
        </Layout>
    }
}
