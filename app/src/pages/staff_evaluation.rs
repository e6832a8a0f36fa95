use crate::api::evaluation::{codes_page, report_page, CodesPage, MadeCodes, ReportPage, ReportTable, TargetLine};
use crate::api::staff::Choice;
use crate::api::staff_form::{field, path, CodesForm};
use crate::components::load::query_param;
use crate::components::staff::{alerts, staff_page, QuarterPicker, StaffFrame};
use crate::components::{CitationLine, CitedFact};
use crate::text::t;
use leptos::prelude::*;

/// `/personale/evaluering`: a counsellor or a case worker makes evaluation codes for a site and
/// a moment their municipality's standard names, and prints them as slips. The codes are shown
/// once, on the page that answers the POST.
#[component]
pub fn StaffCodesPage() -> impl IntoView {
    staff_page(t::EVAL_CODES_TITLE, codes_page(), |p| view! { <Codes p/> }.into_any())
}

fn options(choices: &[Choice], chosen: &str) -> impl IntoView {
    choices
        .iter()
        .map(|c| view! { <option value=c.value.clone() selected=c.value == chosen>{c.text.clone()}</option> })
        .collect_view()
}

#[component]
fn Codes(p: CodesPage) -> impl IntoView {
    let max = CodesForm::MAX.to_string();
    view! {
        <StaffFrame title=t::EVAL_CODES_TITLE.to_string() access=Some(p.access.clone())>
            {alerts(p.made.as_ref().map(|m| t::codes_made(m.codes.len())), p.errors.clone())}
            {p.made.clone().map(|m| view! { <Slips m/> })}
            <p class="no-print">{t::EVAL_CODES_LEAD}</p>
            <form method="post" action=path::EVALUATION class="staff-form no-print">
                <input type="hidden" name=field::CSRF value=p.access.csrf.clone()/>
                <div class="form-group">
                    <label class="form-label" for="sted">{t::STAFF_SITE}</label>
                    <select class="form-select" id="sted" name=field::SITE>{options(&p.sites, &p.site)}</select>
                </div>
                <div class="form-group">
                    <label class="form-label" for="tidspunkt">{t::EVAL_MOMENT}</label>
                    <select class="form-select" id="tidspunkt" name=field::MOMENT>{options(&p.moments, &p.moment)}</select>
                </div>
                <div class="form-group">
                    <label class="form-label" for="antal">{t::EVAL_HOW_MANY}</label>
                    <span class="form-hint" id="antal-hint">{t::EVAL_HOW_MANY_HINT}</span>
                    <input class="form-input input-width-xs" type="number" inputmode="numeric" min="1" max=max id="antal" name=field::COUNT value=p.count.clone() aria-describedby="antal-hint" required=true/>
                </div>
                <button type="submit" class="button button-primary">{t::EVAL_MAKE}</button>
            </form>
        </StaffFrame>
    }
}

/// The codes just made, one slip each, to print and cut out.
#[component]
fn Slips(m: MadeCodes) -> impl IntoView {
    view! {
        <section aria-labelledby="nye-koder" class="eval-slips">
            <h2 id="nye-koder" class="no-print">{t::EVAL_MADE_HEADING}</h2>
            <p class="no-print">{t::EVAL_MADE_NOTE}</p>
            <ul class="unstyled-list slip-list">
                {m.codes
                    .iter()
                    .map(|code| view! {
                        <li class="slip">
                            <p><strong>{m.moment.clone()}</strong> " · " {m.site.clone()}</p>
                            <p>{t::EVAL_SLIP_WHERE} " " <strong>{m.address.clone()}</strong></p>
                            <p>{t::EVAL_SLIP_CODE} ": " <span class="token" translate="no">{code.clone()}</span></p>
                            {m.points.clone().map(|p| view! { <p>{p}</p> })}
                            <p class="form-hint">{m.valid_until.clone()}</p>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// `/personale/rapport`: the admin's quarter of evaluations and follow-ups, small counts
/// suppressed, beside the standard's targets; and the same as CSV.
#[component]
pub fn StaffReportPage() -> impl IntoView {
    staff_page(t::REPORT_TITLE, report_page(query_param(field::QUARTER)), |p| view! { <Report p/> }.into_any())
}

#[component]
fn Report(p: ReportPage) -> impl IntoView {
    let csv = format!("{}?{}={}", path::REPORT_CSV, field::QUARTER, p.quarter);
    view! {
        <StaffFrame title=format!("{} – {} {}", t::REPORT_TITLE, t::REPORT_PERIOD.to_lowercase(), p.quarter) access=Some(p.access.clone())>
            {p.notice.clone().map(|n| view! { <div class="alert alert-warning" role="alert"><p class="alert-text">{n}</p></div> })}
            <p>{p.kommune_name.clone()} ". " {t::REPORT_LEAD}</p>
            <p>{t::REPORT_HIDDEN_NOTE}</p>
            <QuarterPicker action=path::REPORT quarter=p.quarter.clone() previous=p.previous.clone() next=p.next.clone() extra=(csv, t::REPORT_CSV)/>
            {p.empty.then(|| view! { <p><strong>{t::REPORT_NO_DATA}</strong></p> })}
            {p.follow_up.clone().map(|f| view! { <CitedFact fact=f/> })}
            <h2>{t::REPORT_TARGETS_HEADING}</h2>
            {if p.targets.iter().all(|t| !t.measured) { Some(view! { <p>{t::REPORT_NO_TARGETS}</p> }) } else { None }}
            <ul class="unstyled-list target-list">
                {p.targets.iter().cloned().map(|t| view! { <Target t/> }).collect_view()}
            </ul>
            {p.tables.iter().cloned().enumerate().map(|(i, table)| view! { <Table table i/> }).collect_view()}
        </StaffFrame>
    }
}

#[component]
fn Target(t: TargetLine) -> impl IntoView {
    view! {
        <li class="target">
            <p><strong>{t.text}</strong></p>
            <p>{crate::text::t::REPORT_TARGET} ": " {t.target}</p>
            {if t.measured {
                view! {
                    <ul>
                        {t.results.into_iter().map(|(point, measured, met)| view! {
                            <li>
                                {point} ": " {measured}
                                {met.map(|m| view! { " – " <strong>{if m { crate::text::t::REPORT_MET } else { crate::text::t::REPORT_NOT_MET }}</strong> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            } else {
                view! { <p>{crate::text::t::REPORT_NOT_MEASURED}</p> }.into_any()
            }}
            <CitationLine source=t.source/>
        </li>
    }
}

#[component]
fn Table(table: ReportTable, i: usize) -> impl IntoView {
    let caption = match table.point {
        Some(p) => format!("{} – {}", crate::text::t::point_heading(p), table.heading),
        None => format!("{} – {}", table.moment, table.heading),
    };
    let id = format!("tabel-{i}");
    view! {
        // A wide table scrolls on its own on a phone; the page does not.
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=format!("{id}-titel")>
            <table class="table table--compact report-table" aria-describedby=format!("{id}-kilde")>
                <caption id=format!("{id}-titel")>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t::STAFF_SITE}</th>
                        {table.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {table.rows.iter().map(|r| view! {
                        <tr class:report-total=r.total>
                            <th scope="row">{r.site.clone()}</th>
                            {r.cells.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div id=format!("{id}-kilde")>{table.source.map(|s| view! { <CitationLine source=s/> })}</div>
    }
}
