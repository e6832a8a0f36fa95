//! `/personale/*`: the staff pages. Every form is a plain POST carrying the session's CSRF token,
//! so everything works without JavaScript; the server checks the token before anything changes.

use crate::api::staff::{
    accounts, calendar, calendar_query, opening_hours, staff_start, AccountsPage, CalendarPage, Choice, OpeningPage, StartPage,
};
use crate::api::staff_form::{field, path, AccountButton, CalendarButton, CalendarView, RulePart, TICKED};
use crate::components::load::{loaded, posted, query_param};
use crate::components::staff::{alerts, staff_page, StaffFrame};
use crate::components::textarea_content;
use crate::domain::staff::{Role, TalkStatus};
use crate::text::t;
use leptos::prelude::*;

/// `/personale`: sign in, or the start page of the member's role.
#[component]
pub fn StaffStartPage() -> impl IntoView {
    let posted = posted::<StartPage>();
    loaded(
        async move {
            match posted {
                Some(p) => Ok(Some(p)),
                None => staff_start().await.map(Some),
            }
        },
        |p| view! { <Start p/> },
    )
}

#[component]
fn Start(p: StartPage) -> impl IntoView {
    match p.access {
        Some(access) => {
            let text = match access.role {
                _ if access.kommune.is_empty() => t::STAFF_NO_MUNICIPALITY,
                Role::AnonymousCounsellor => t::STAFF_START_COUNSELLOR,
                Role::CaseWorker => t::STAFF_START_CASE_WORKER,
                Role::Admin => t::STAFF_START_ADMIN,
            };
            // A refused form (an expired CSRF token, another origin) lands here: say why.
            view! {
                <StaffFrame title=t::STAFF_PORTAL.to_string() access=Some(access)>
                    {p.error.map(|e| view! {
                        <div class="alert alert-error" role="alert" id="formular-fejl"><p class="alert-text">{e}</p></div>
                    })}
                    <p class="font-lead">{text}</p>
                </StaffFrame>
            }
            .into_any()
        }
        None => view! {
            <StaffFrame title=t::STAFF_SIGN_IN.to_string() access=None>
                <p>{t::STAFF_SIGN_IN_LEAD}</p>
                {p.error.map(|e| view! {
                    <div class="alert alert-error" role="alert" id="log-ind-fejl"><p class="alert-text">{e}</p></div>
                })}
                <form method="post" action=path::SIGN_IN class="staff-form">
                    <div class="form-group">
                        <label class="form-label" for="brugernavn">{t::STAFF_USERNAME}</label>
                        <input class="form-input" type="text" id="brugernavn" name=field::USERNAME value=p.username
                            autocomplete="username" autocapitalize="none" spellcheck="false" required/>
                    </div>
                    <div class="form-group">
                        <label class="form-label" for="adgangskode">{t::STAFF_PASSWORD}</label>
                        <input class="form-input" type="password" id="adgangskode" name=field::PASSWORD
                            autocomplete="current-password" required/>
                    </div>
                    <button type="submit" class="button button-primary">{t::STAFF_SIGN_IN}</button>
                </form>
                <p class="form-hint">{t::STAFF_NO_ACCOUNT}</p>
            </StaffFrame>
        }
        .into_any(),
    }
}

/// `/personale/kalender?sted=&dag=&visning=dag|uge`
#[component]
pub fn StaffCalendarPage() -> impl IntoView {
    let load = calendar(query_param(field::SITE), query_param(field::DAY), query_param(field::VIEW));
    staff_page(t::STAFF_CALENDAR_TITLE, load, |p| view! { <Calendar p/> }.into_any())
}

fn options(choices: &[Choice], selected: &str) -> impl IntoView {
    choices
        .iter()
        .map(|c| view! { <option value=c.value.clone() selected=c.value == selected>{c.text.clone()}</option> })
        .collect_view()
}

#[component]
fn Calendar(p: CalendarPage) -> impl IntoView {
    let action = format!("{}?{}", path::CALENDAR, p.query());
    let shown = if p.week { CalendarView::Week } else { CalendarView::Day };
    let view_name = shown.value();
    let link = |day: &str, view: CalendarView| format!("{}?{}", path::CALENDAR, calendar_query(&p.site.value, day, view));
    let (previous, next, today) = (link(&p.previous, shown), link(&p.next, shown), link(&p.today, shown));
    let (as_day, as_week) = (link(&p.day, CalendarView::Day), link(&p.day, CalendarView::Week));
    let csrf = p.access.csrf.clone();
    let hidden = {
        let (csrf, site, day) = (csrf.clone(), p.site.value.clone(), p.day.clone());
        move || {
            view! {
                <input type="hidden" name=field::CSRF value=csrf.clone()/>
                <input type="hidden" name=field::SITE value=site.clone()/>
                <input type="hidden" name=field::DAY value=day.clone()/>
                <input type="hidden" name=field::VIEW value=view_name/>
            }
        }
    };
    let outcomes = p.outcomes.clone();
    let days = p.days.clone();
    let x = p.extra_form.clone();
    view! {
        <StaffFrame title=format!("{} – {}", t::STAFF_CALENDAR_TITLE, p.site.text) access=Some(p.access.clone())>
            {alerts(p.message.clone(), p.errors.clone())}
            <form method="get" action=path::CALENDAR class="staff-filter">
                <div class="form-group">
                    <label class="form-label" for="sted">{t::STAFF_SITE}</label>
                    <select class="form-select" id="sted" name=field::SITE>{options(&p.sites, &p.site.value)}</select>
                </div>
                <div class="form-group">
                    <label class="form-label" for="dag">{t::STAFF_DAY}</label>
                    <input class="form-input" type="date" id="dag" name=field::DAY value=p.day.clone()/>
                </div>
                <input type="hidden" name=field::VIEW value=view_name/>
                <button type="submit" class="button button-secondary">{t::STAFF_SHOW}</button>
            </form>
            <nav aria-label=t::STAFF_CALENDAR_NAV>
                <ul class="unstyled-list inline-list">
                    <li><a href=previous>{if p.week { t::STAFF_PREV_WEEK } else { t::STAFF_PREV_DAY }}</a></li>
                    <li><a href=today>{t::STAFF_TODAY}</a></li>
                    <li><a href=next>{if p.week { t::STAFF_NEXT_WEEK } else { t::STAFF_NEXT_DAY }}</a></li>
                    <li>
                        {if p.week {
                            view! { <a href=as_day>{t::STAFF_AS_DAY}</a> }.into_any()
                        } else {
                            view! { <a href=as_week>{t::STAFF_AS_WEEK}</a> }.into_any()
                        }}
                    </li>
                </ul>
            </nav>
            <h2>{p.heading.clone()}</h2>
            <p class="form-hint">{t::STAFF_LABEL_HINT}</p>
            {days
                .into_iter()
                .map(|d| {
                    let hidden = hidden.clone();
                    let outcomes = outcomes.clone();
                    let action = action.clone();
                    view! {
                        <section class="staff-day" aria-labelledby=format!("dag-{}", d.date)>
                            <h3 id=format!("dag-{}", d.date)>{d.heading.clone()}</h3>
                            {if d.entries.is_empty() {
                                view! { <p>{t::STAFF_NO_BOOKINGS}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="unstyled-list staff-bookings">
                                        {d.entries
                                            .into_iter()
                                            .map(|e| {
                                                let hidden = hidden.clone();
                                                let outcome_id = format!("udfald-{}", e.booking_id);
                                                let booked = e.status == TalkStatus::Booked;
                                                view! {
                                                    <li class="staff-booking" data-label=e.label.clone()>
                                                        <p>
                                                            <strong>{e.time.clone()}</strong> " · " {e.kind.clone()} " · "
                                                            <span class="staff-label">{e.label.clone()}</span> " · "
                                                            <span class="staff-status">{e.status_text.clone()}</span>
                                                        </p>
                                                        {if booked {
                                                            view! {
                                                                <form method="post" action=action.clone() class="staff-actions">
                                                                    {hidden()}
                                                                    <input type="hidden" name=field::BOOKING value=e.booking_id.to_string()/>
                                                                    <label class="form-label" for=outcome_id.clone()>
                                                                        {format!("{} {}", t::STAFF_OUTCOME_FOR, e.label)}
                                                                    </label>
                                                                    <select class="form-select" id=outcome_id name=field::OUTCOME>
                                                                        <option value="">{t::STAFF_CHOOSE_OUTCOME}</option>
                                                                        {options(&outcomes, "")}
                                                                    </select>
                                                                    <button type="submit" name=field::ACTION value=CalendarButton::Held.value() class="button button-primary">{t::STAFF_MARK_HELD}</button>
                                                                    <button type="submit" name=field::ACTION value=CalendarButton::NoShow.value() class="button button-secondary">{t::STAFF_MARK_NO_SHOW}</button>
                                                                    <button type="submit" name=field::ACTION value=CalendarButton::Cancel.value() class="button button-secondary">{t::STAFF_MARK_CANCEL}</button>
                                                                </form>
                                                            }
                                                            .into_any()
                                                        } else {
                                                            view! {
                                                                <form method="post" action=action.clone() class="staff-actions">
                                                                    {hidden()}
                                                                    <input type="hidden" name=field::BOOKING value=e.booking_id.to_string()/>
                                                                    <button type="submit" name=field::ACTION value=CalendarButton::Reopen.value() class="button button-tertiary">
                                                                        {format!("{} {}", t::STAFF_REOPEN, e.label)}
                                                                    </button>
                                                                </form>
                                                            }
                                                            .into_any()
                                                        }}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                .into_any()
                            }}
                        </section>
                    }
                })
                .collect_view()}
            <h2 id="ekstra-tider">{t::STAFF_EXTRA_HEADING}</h2>
            <p>{t::STAFF_EXTRA_LEAD}</p>
            <form method="post" action=action.clone() class="staff-form">
                {hidden()}
                <input type="hidden" name=field::ACTION value=CalendarButton::OpenSlot.value()/>
                <div class="form-group">
                    <label class="form-label" for="samtale">{t::STAFF_KIND}</label>
                    <select class="form-select" id="samtale" name=field::KIND>{options(&p.kinds, &x.kind)}</select>
                </div>
                <div class="form-group">
                    <label class="form-label" for="dato">{t::STAFF_DATE}</label>
                    <span class="form-hint" id="dato-hint">{t::STAFF_DATE_HINT}</span>
                    <input class="form-input" type="text" inputmode="numeric" id="dato" name=field::DATE value=x.date aria-describedby="dato-hint"/>
                </div>
                <div class="form-group">
                    <label class="form-label" for="kl">{t::STAFF_TIME}</label>
                    <span class="form-hint" id="kl-hint">{t::STAFF_TIME_HINT}</span>
                    <input class="form-input" type="text" inputmode="numeric" id="kl" name=field::TIME value=x.time aria-describedby="kl-hint"/>
                </div>
                <div class="form-group">
                    <label class="form-label" for="minutter">{t::STAFF_MINUTES}</label>
                    <input class="form-input input-width-xs" type="number" min="5" max="480" id="minutter" name=field::MINUTES value=x.minutes/>
                </div>
                <div class="form-group">
                    <label class="form-label" for="pladser">{t::STAFF_SEATS}</label>
                    <input class="form-input input-width-xs" type="number" min="1" max="20" id="pladser" name=field::SEATS value=x.capacity/>
                </div>
                <button type="submit" class="button button-primary">{t::STAFF_OPEN_SLOT}</button>
            </form>
            {if p.extra_slots.is_empty() {
                view! { <p>{t::STAFF_NO_EXTRA}</p> }.into_any()
            } else {
                view! {
                    <ul class="unstyled-list">
                        {p.extra_slots
                            .iter()
                            .map(|s| {
                                let hidden = hidden.clone();
                                view! {
                                    <li>
                                        <form method="post" action=action.clone() class="staff-actions">
                                            {hidden()}
                                            <input type="hidden" name=field::ACTION value=CalendarButton::RemoveSlot.value()/>
                                            <input type="hidden" name=field::SLOT value=s.id.to_string()/>
                                            {format!("{} · {} · {} {}", s.when, s.kind, s.seats, t::STAFF_SEATS_SHORT)} " "
                                            <button type="submit" class="button button-tertiary">{format!("{} {}", t::STAFF_REMOVE_SLOT, s.when)}</button>
                                        </form>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <h2 id="statistik">{t::STAFF_MONTHLY_HEADING}</h2>
            <p>{t::STAFF_MONTHLY_LEAD}</p>
            {if p.monthly.is_empty() {
                view! { <p>{t::STAFF_MONTHLY_NONE}</p> }.into_any()
            } else {
                view! {
                    <table class="table table--compact">
                        <caption class="sr-only">{t::STAFF_MONTHLY_HEADING}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t::STAFF_MONTH}</th>
                                <th scope="col">{t::STAFF_KIND}</th>
                                <th scope="col">{t::STAFF_STATE}</th>
                                <th scope="col">{t::STAFF_TALKS}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {p.monthly
                                .iter()
                                .map(|m| view! {
                                    <tr>
                                        <td>{m.month.clone()}</td>
                                        <td>{m.kind.clone()}</td>
                                        <td>{m.status.clone()}</td>
                                        <td>{m.talks}</td>
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </StaffFrame>
    }
}

/// `/personale/aabningstider?sted=&samtale=`
#[component]
pub fn StaffOpeningPage() -> impl IntoView {
    let load = opening_hours(query_param(field::SITE), query_param(field::KIND));
    staff_page(t::STAFF_HOURS_TITLE, load, |p| view! { <Opening p/> }.into_any())
}

#[component]
fn Opening(p: OpeningPage) -> impl IntoView {
    let action = format!("{}?{}={}&{}={}", path::OPENING, field::SITE, p.site.value, field::KIND, p.kind.value);
    let weekdays = p.weekdays.clone();
    view! {
        <StaffFrame title=format!("{} – {}", t::STAFF_HOURS_TITLE, p.site.text) access=Some(p.access.clone())>
            {alerts(p.message.clone(), p.errors.clone())}
            {p.example.then(|| view! { <p class="form-hint">{t::STAFF_HOURS_EXAMPLE}</p> })}
            <form method="get" action=path::OPENING class="staff-filter">
                <div class="form-group">
                    <label class="form-label" for="sted">{t::STAFF_SITE}</label>
                    <select class="form-select" id="sted" name=field::SITE>{options(&p.sites, &p.site.value)}</select>
                </div>
                <div class="form-group">
                    <label class="form-label" for="vis-samtale">{t::STAFF_KIND}</label>
                    <select class="form-select" id="vis-samtale" name=field::KIND>{options(&p.kinds, &p.kind.value)}</select>
                </div>
                <button type="submit" class="button button-secondary">{t::STAFF_SHOW}</button>
            </form>
            <h2>{p.kind.text.clone()}</h2>
            <form method="post" action=action class="staff-form">
                <input type="hidden" name=field::CSRF value=p.access.csrf.clone()/>
                <input type="hidden" name=field::SITE value=p.site.value.clone()/>
                <input type="hidden" name=field::KIND value=p.kind.value.clone()/>
                <fieldset>
                    <legend class="h3">{t::STAFF_WEEKLY_RULES}</legend>
                    <p class="form-hint">{t::STAFF_WEEKLY_HINT}</p>
                    {p.form
                        .rules
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let id = |part: RulePart| field::rule(i, part);
                            view! {
                                <fieldset class="staff-rule">
                                    <legend>{format!("{} {}", t::STAFF_RULE, i + 1)}</legend>
                                    <label class="form-label" for=id(RulePart::Weekday)>{t::STAFF_WEEKDAY}</label>
                                    <select class="form-select" id=id(RulePart::Weekday) name=id(RulePart::Weekday)>{options(&weekdays, &r.weekday)}</select>
                                    <label class="form-label" for=id(RulePart::From)>{t::STAFF_FROM}</label>
                                    <input class="form-input input-width-xs" type="text" inputmode="numeric" id=id(RulePart::From) name=id(RulePart::From) value=r.from.clone()/>
                                    <label class="form-label" for=id(RulePart::To)>{t::STAFF_TO}</label>
                                    <input class="form-input input-width-xs" type="text" inputmode="numeric" id=id(RulePart::To) name=id(RulePart::To) value=r.to.clone()/>
                                    <label class="form-label" for=id(RulePart::Minutes)>{t::STAFF_MINUTES}</label>
                                    <input class="form-input input-width-xs" type="number" min="5" max="480" id=id(RulePart::Minutes) name=id(RulePart::Minutes) value=r.minutes.clone()/>
                                    <label class="form-label" for=id(RulePart::Seats)>{t::STAFF_SEATS}</label>
                                    <input class="form-input input-width-xs" type="number" min="1" max="20" id=id(RulePart::Seats) name=id(RulePart::Seats) value=r.capacity.clone()/>
                                </fieldset>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="form-group">
                    <label class="form-label" for="lukket">{t::STAFF_CLOSED}</label>
                    <span class="form-hint" id="lukket-hint">{t::STAFF_CLOSED_HINT}</span>
                    <textarea class="form-input" id="lukket" name=field::CLOSED rows="5" aria-describedby="lukket-hint" inner_html=textarea_content(&p.form.closed)></textarea>
                </div>
                <div class="form-group-checkbox">
                    <input type="checkbox" class="form-checkbox" id="helligdage" name=field::HOLIDAYS value=TICKED checked=p.form.closed_on_public_holidays/>
                    <label for="helligdage">{t::STAFF_CLOSED_HOLIDAYS}</label>
                </div>
                <div class="form-group">
                    <label class="form-label" for="lukket_hvert_aar">{t::STAFF_CLOSED_EVERY_YEAR}</label>
                    <span class="form-hint" id="lukket-hvert-aar-hint">{t::STAFF_CLOSED_EVERY_YEAR_HINT}</span>
                    <textarea class="form-input" id="lukket_hvert_aar" name=field::CLOSED_EVERY_YEAR rows="3" aria-describedby="lukket-hvert-aar-hint" inner_html=textarea_content(&p.form.closed_every_year)></textarea>
                </div>
                <div class="form-group">
                    <label class="form-label" for="varsel">{t::STAFF_NOTICE}</label>
                    <input class="form-input input-width-xs" type="number" min="0" max="336" id="varsel" name=field::NOTICE value=p.form.notice_hours.clone()/>
                </div>
                <div class="form-group">
                    <label class="form-label" for="horisont">{t::STAFF_HORIZON}</label>
                    <input class="form-input input-width-xs" type="number" min="1" max="366" id="horisont" name=field::HORIZON value=p.form.horizon_days.clone()/>
                </div>
                <button type="submit" class="button button-primary">{t::STAFF_SAVE_HOURS}</button>
            </form>
        </StaffFrame>
    }
}

/// `/personale/konti`
#[component]
pub fn StaffAccountsPage() -> impl IntoView {
    staff_page(t::STAFF_ACCOUNTS_TITLE, accounts(), |p| view! { <Accounts p/> }.into_any())
}

#[component]
fn Accounts(p: AccountsPage) -> impl IntoView {
    let csrf = p.access.csrf.clone();
    view! {
        <StaffFrame title=t::STAFF_ACCOUNTS_TITLE.to_string() access=Some(p.access.clone())>
            {alerts(p.message.clone(), p.errors.clone())}
            <table class="table table--compact">
                <caption>{format!("{} {}", t::STAFF_ACCOUNTS_OF, p.kommune_name)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t::STAFF_USERNAME}</th>
                        <th scope="col">{t::STAFF_ROLE}</th>
                        <th scope="col">{t::STAFF_SITES_COLUMN}</th>
                        <th scope="col">{t::STAFF_STATE}</th>
                        <th scope="col">{t::STAFF_ACTIONS}</th>
                    </tr>
                </thead>
                <tbody>
                    {p.accounts
                        .iter()
                        .map(|a| {
                            let pw_id = format!("ny-kode-{}", a.id);
                            view! {
                                <tr>
                                    <td>{a.username.clone()}</td>
                                    <td>{t::role_name(a.role)}</td>
                                    <td>{a.sites.clone()}</td>
                                    <td>{if a.disabled { t::STAFF_DISABLED } else { t::STAFF_ENABLED }}</td>
                                    <td>
                                        {(!a.is_me).then(|| view! {
                                            <form method="post" action=path::ACCOUNTS class="staff-actions">
                                                <input type="hidden" name=field::CSRF value=csrf.clone()/>
                                                <input type="hidden" name=field::ACCOUNT value=a.id.to_string()/>
                                                <button type="submit" name=field::ACTION value=if a.disabled { AccountButton::Enable.value() } else { AccountButton::Disable.value() }
                                                    class="button button-secondary">
                                                    {format!("{} {}", if a.disabled { t::STAFF_ENABLE } else { t::STAFF_DISABLE }, a.username)}
                                                </button>
                                            </form>
                                        })}
                                        <form method="post" action=path::ACCOUNTS class="staff-actions">
                                            <input type="hidden" name=field::CSRF value=csrf.clone()/>
                                            <input type="hidden" name=field::ACCOUNT value=a.id.to_string()/>
                                            <input type="hidden" name=field::ACTION value=AccountButton::NewPassword.value()/>
                                            <label class="form-label" for=pw_id.clone()>{format!("{} {}", t::STAFF_NEW_PASSWORD_FOR, a.username)}</label>
                                            <input class="form-input" type="password" id=pw_id name=field::PASSWORD autocomplete="new-password" minlength="12"/>
                                            <button type="submit" class="button button-tertiary">{t::STAFF_SET_PASSWORD}</button>
                                        </form>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <h2>{t::STAFF_NEW_ACCOUNT}</h2>
            <form method="post" action=path::ACCOUNTS class="staff-form">
                <input type="hidden" name=field::CSRF value=csrf.clone()/>
                <input type="hidden" name=field::ACTION value=AccountButton::Create.value()/>
                <div class="form-group">
                    <label class="form-label" for="ny-brugernavn">{t::STAFF_USERNAME}</label>
                    <span class="form-hint" id="ny-brugernavn-hint">{t::STAFF_USERNAME_HINT}</span>
                    <input class="form-input" type="text" id="ny-brugernavn" name=field::USERNAME value=p.new_username.clone()
                        autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="ny-brugernavn-hint"/>
                </div>
                <div class="form-group">
                    <label class="form-label" for="ny-rolle">{t::STAFF_ROLE}</label>
                    <select class="form-select" id="ny-rolle" name=field::ROLE>{options(&p.roles, &p.new_role)}</select>
                </div>
                <fieldset class="form-group">
                    <legend class="form-label">{t::STAFF_SITES}</legend>
                    {p.sites
                        .iter()
                        .map(|site| {
                            let id = field::site_box(&site.value);
                            let checked = p.new_sites.contains(&site.value);
                            view! {
                                <div class="form-group-checkbox">
                                    <input type="checkbox" class="form-checkbox" id=id.clone() name=id.clone() value=TICKED checked=checked/>
                                    <label for=id>{site.text.clone()}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="form-group">
                    <label class="form-label" for="ny-adgangskode">{t::STAFF_FIRST_PASSWORD}</label>
                    <span class="form-hint" id="ny-adgangskode-hint">{t::STAFF_PASSWORD_HINT}</span>
                    <input class="form-input" type="password" id="ny-adgangskode" name=field::PASSWORD autocomplete="new-password"
                        minlength="12" aria-describedby="ny-adgangskode-hint"/>
                </div>
                <button type="submit" class="button button-primary">{t::STAFF_CREATE_ACCOUNT}</button>
            </form>
        </StaffFrame>
    }
}
