use crate::api::anonymous_form::{field, WriteAction, TICKED};
use crate::api::messages::{write_page, ThreadLines, WritePage, WriteStep};
use crate::api::staff::Choice;
use crate::components::booking::CodeField;
use crate::components::load::{found, path_param, posted};
use crate::components::{textarea_content, CitationLine, CitedFact, Layout, Message, SolutionInfo};
use crate::domain::kommune::{Kommune, KommunePath};
use crate::domain::message::MAX_CHARS;
use crate::text::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/{kommune}/skriv`: write to the counsellors anonymously, and read their answer with the code.
/// The code is typed and then carried in POST bodies only, never in a URL; every step is a plain
/// form, so the page works without JavaScript. Message text is always shown as text.
#[component]
pub fn WritePageView() -> impl IntoView {
    let page = match posted::<Option<WritePage>>() {
        Some(page) => Ok(page),
        None => Ok(write_page(&path_param("kommune"))),
    };
    found(page, |p| view! { <Write p/> })
}

#[component]
fn Write(p: WritePage) -> impl IntoView {
    let kommune = Kommune::from_slug(&p.kommune).expect("the server only answers for known municipalities");
    let solution = SolutionInfo { kommune, site_name: p.site_name.clone(), phone: p.site_phone.clone(), email: p.site_email.clone() };
    let action = kommune.page(KommunePath::Write);
    let (title, body) = match p.step.clone() {
        WriteStep::Write { site, writer, body, errors, code_error, read_error } => {
            (t::MSG_TITLE, view! { <Compose p=p.clone() action=action.clone() site writer body errors code_error/> <ReadForm action read_error/> }.into_any())
        }
        WriteStep::Receipt { code, label, site, reply } => (t::MSG_RECEIPT_TITLE, view! { <Receipt kommune=p.kommune.clone() action code label site reply/> }.into_any()),
        WriteStep::Thread { code, thread, body, errors, message } => {
            (t::MSG_THREAD_TITLE, view! { <Thread action code thread body errors message retention=p.retention.clone()/> }.into_any())
        }
        WriteStep::ConfirmDelete { code } => (t::MSG_DELETE_ASK, view! { <ConfirmDelete action code/> }.into_any()),
        WriteStep::Deleted => (t::MSG_DELETED_TITLE, view! {
            <div class="alert alert-success" role="status"><p class="alert-text">{t::MSG_DELETED}</p></div>
        }.into_any()),
    };
    view! {
        <Title text=format!("{title} – {} – {}", kommune.short_name(), t::PORTAL_NAME)/>
        <Layout solution=solution>
            <h1>{title}</h1>
            {body}
            <p class="private-note">{t::PRIVATE_BROWSING_NOTE}</p>
        </Layout>
    }
}

fn options(choices: &[Choice], chosen: &str) -> impl IntoView {
    choices.iter().map(|c| view! { <option value=c.value.clone() selected=c.value == chosen>{c.text.clone()}</option> }).collect_view()
}

fn errors_box(errors: Vec<String>) -> Option<impl IntoView> {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="alert alert-error" role="alert">
                {errors.into_iter().map(|e| view! { <p class="alert-text">{t::ERROR_PREFIX} ": " {e}</p> }).collect_view()}
            </div>
        }
    })
}

/// The new message: first what the person must know (the duty to notify, the retention, no
/// personal data needed), then the form.
#[component]
fn Compose(p: WritePage, action: String, site: String, writer: String, body: String, errors: Vec<String>, code_error: Option<String>) -> impl IntoView {
    let code_invalid = code_error.is_some();
    let max = MAX_CHARS.to_string();
    view! {
        <p class="font-lead">{t::MSG_LEAD}</p>
        <section aria-labelledby="loefte">
            <h2 id="loefte" class="h4">{t::MSG_PROMISE_HEADING}</h2>
            <CitedFact fact=p.promise.clone()/>
            {p.private_mail.clone().map(|m| view! {
                <details class="why-asked">
                    <summary>{t::MSG_WHY_HEADING}</summary>
                    <p>"»" {m.text} "«"</p>
                    <CitationLine source=m.source/>
                </details>
            })}
        </section>
        <section aria-labelledby="inden" class="alert alert-warning">
            <div class="alert-body">
                <h2 id="inden" class="alert-heading">{t::MSG_WARNING_HEADING}</h2>
                <p class="alert-text">{t::MSG_NO_PERSONAL}</p>
                <p class="alert-text">{p.retention.clone()}</p>
                <h3 class="h5">{t::MSG_DUTY_HEADING}</h3>
                <p class="alert-text">{t::MSG_DUTY_LEAD}</p>
                <CitedFact fact=p.duty.clone()/>
            </div>
        </section>
        {errors_box(errors)}
        <form method="post" action=action.clone() class="message-form">
            <input type="hidden" name=field::ACTION value=WriteAction::Send.value()/>
            <div class="form-group">
                <label class="form-label" for="sted">{t::MSG_SITE}</label>
                <select class="form-select" id="sted" name=field::SITE>{options(&p.sites, &site)}</select>
            </div>
            <fieldset class="form-group">
                <legend class="form-label">{t::MSG_WRITER}</legend>
                <ul class="nobullet-list">
                    {p.writers
                        .iter()
                        .enumerate()
                        .map(|(i, w)| {
                            let id = format!("om-{i}");
                            view! {
                                <li>
                                    <input class="form-radio radio-large" type="radio" id=id.clone() name=field::WRITER value=w.value.clone() checked=w.value == writer required=true/>
                                    <label for=id>{w.text.clone()}</label>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </fieldset>
            <div class="form-group">
                <label class="form-label" for="besked">{t::MSG_BODY}</label>
                <span class="form-hint" id="besked-hint">{t::body_hint()}</span>
                <textarea class="form-input" id="besked" name=field::BODY rows="8" maxlength=max aria-describedby="besked-hint" required=true inner_html=textarea_content(&body)></textarea>
            </div>
            <div class=if code_invalid { "form-group form-error" } else { "form-group" }>
                <label class="form-label" for="bookingkode">{t::MSG_CODE_OPTIONAL}</label>
                <span class="form-hint" id="bookingkode-hint">{t::MSG_HAVE_CODE}</span>
                {code_error.map(|e| view! {
                    <span class="form-error-message" id="bookingkode-error"><span class="sr-only">{t::ERROR_PREFIX} ": "</span>{e}</span>
                })}
                <input
                    class="form-input input-width-l token-input"
                    type="password"
                    id="bookingkode"
                    name=field::CODE
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=if code_invalid { "bookingkode-hint bookingkode-error" } else { "bookingkode-hint" }
                />
            </div>
            <button type="submit" class="button button-primary">{t::MSG_SEND}</button>
        </form>
    }
}

/// A code in hand: read the thread.
#[component]
fn ReadForm(action: String, read_error: Option<String>) -> impl IntoView {
    view! {
        <section aria-labelledby="laes">
            <h2 id="laes">{t::MSG_READ_HEADING}</h2>
            <p>{t::MSG_READ_LEAD}</p>
            <form method="post" action=action>
                <input type="hidden" name=field::ACTION value=WriteAction::Open.value()/>
                <CodeField error=read_error label=t::MSG_CODE_LABEL hint=t::EVAL_CODE_OR_BOOKING_HINT/>
                <button type="submit" class="button button-secondary">{t::MSG_OPEN}</button>
            </form>
        </section>
    }
}

/// The reminder to look for an answer: a calendar file, nothing stored.
#[component]
fn CalendarOffer(action: String, site: String) -> impl IntoView {
    view! {
        <section aria-labelledby="paamindelse">
            <h2 id="paamindelse" class="h4">{t::MSG_CALENDAR_BUTTON}</h2>
            <p>{t::MSG_CALENDAR_LEAD}</p>
            <form method="post" action=action>
                <input type="hidden" name=field::ACTION value=WriteAction::Calendar.value()/>
                <input type="hidden" name=field::SITE value=site/>
                <button type="submit" class="button button-secondary">{t::MSG_CALENDAR_BUTTON}</button>
            </form>
        </section>
    }
}

#[component]
fn Receipt(kommune: String, action: String, code: Option<String>, label: String, site: String, reply: String) -> impl IntoView {
    let code_section = match code {
        Some(code) => view! {
            <section class="receipt" aria-labelledby="code-heading">
                <h2 id="code-heading">{t::MSG_RECEIPT_CODE}</h2>
                <p class="token" id="token" translate="no">{code}</p>
                <p><strong>{t::MSG_RECEIPT_WHY}</strong></p>
            </section>
        }
        .into_any(),
        None => view! { <p class="font-lead">{t::MSG_RECEIPT_SAME_CODE}</p> }.into_any(),
    };
    view! {
        {code_section}
        <p>{t::MSG_RECEIPT_LABEL} " " <strong id="label">{label}</strong>"."</p>
        <p>{reply}</p>
        <CalendarOffer action site/>
        <form method="get" action=format!("/{kommune}") class="saved-form">
            <div class="form-group-checkbox">
                <input type="checkbox" class="form-checkbox" id="gemt" name=field::SAVED value=TICKED required=true/>
                <label for="gemt">{t::MSG_RECEIPT_SAVED}</label>
            </div>
            <button type="submit" class="button button-primary">{t::MSG_RECEIPT_DONE}</button>
        </form>
    }
}

#[component]
fn Thread(action: String, code: String, thread: ThreadLines, body: String, errors: Vec<String>, message: Option<String>, retention: String) -> impl IntoView {
    let max = MAX_CHARS.to_string();
    let closed = thread.closed;
    view! {
        {message.map(|m| view! { <div class="alert alert-success" role="status"><p class="alert-text">{m}</p></div> })}
        <p>{thread.site_name.clone()} " · " {thread.writer.clone()} " · " <strong>{thread.status.clone()}</strong></p>
        <ol class="nobullet-list message-list">{thread.messages.into_iter().map(|m| view! { <Message m/> }).collect_view()}</ol>
        <p>{thread.reply.clone()}</p>
        {errors_box(errors)}
        {if closed {
            view! { <p class="alert alert-info"><span class="alert-text">{t::MSG_CLOSED}</span></p> }.into_any()
        } else {
            view! {
                <form method="post" action=action.clone() class="message-form">
                    <input type="hidden" name=field::CODE value=code.clone()/>
                    <input type="hidden" name=field::ACTION value=WriteAction::Again.value()/>
                    <div class="form-group">
                        <label class="form-label" for="besked">{t::MSG_WRITE_AGAIN}</label>
                        <span class="form-hint" id="besked-hint">{t::body_hint()} " " {retention}</span>
                        <textarea class="form-input" id="besked" name=field::BODY rows="6" maxlength=max aria-describedby="besked-hint" required=true inner_html=textarea_content(&body)></textarea>
                    </div>
                    <button type="submit" class="button button-primary">{t::MSG_SEND}</button>
                </form>
            }
            .into_any()
        }}
        <CalendarOffer action=action.clone() site=thread.site.clone()/>
        <form method="post" action=action>
            <input type="hidden" name=field::CODE value=code/>
            <input type="hidden" name=field::ACTION value=WriteAction::AskDelete.value()/>
            <button type="submit" class="button button-secondary">{t::MSG_DELETE}</button>
        </form>
    }
}

#[component]
fn ConfirmDelete(action: String, code: String) -> impl IntoView {
    view! {
        <p>{t::MSG_DELETE_WHY}</p>
        <form method="post" action=action.clone()>
            <input type="hidden" name=field::CODE value=code.clone()/>
            <input type="hidden" name=field::ACTION value=WriteAction::Delete.value()/>
            <button type="submit" class="button button-primary">{t::MSG_DELETE_CONFIRM}</button>
        </form>
        <form method="post" action=action>
            <input type="hidden" name=field::CODE value=code/>
            <input type="hidden" name=field::ACTION value=WriteAction::Open.value()/>
            <button type="submit" class="button button-secondary">{t::MSG_DELETE_KEEP}</button>
        </form>
    }
}
