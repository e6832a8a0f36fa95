use crate::api::messages::{inbox_page, InboxLine, InboxPage, StaffThread};
use crate::api::staff_form::{field, path, InboxForm};
use crate::components::load::query_param;
use crate::components::staff::{alerts, staff_page, StaffFrame};
use crate::components::{textarea_content, Message};
use crate::domain::message::MAX_CHARS;
use crate::text::t;
use leptos::prelude::*;

/// `/personale/beskeder`: the anonymous threads of the counsellor's own sites, by label, the
/// longest waiting first; `?traad=` opens one to read, answer (from a template that points to
/// booking or the phone) and close. No time finer than the day is shown, nor kept.
#[component]
pub fn StaffInboxPage() -> impl IntoView {
    staff_page(t::INBOX_TITLE, inbox_page(query_param(field::THREAD)), |p| view! { <Inbox p/> }.into_any())
}

#[component]
fn Inbox(p: InboxPage) -> impl IntoView {
    let csrf = p.access.csrf.clone();
    view! {
        <StaffFrame title=t::INBOX_TITLE.to_string() access=Some(p.access.clone())>
            {alerts(p.message.clone(), p.errors.clone())}
            {p.open.clone().map(|thread| view! { <OpenThread thread csrf=csrf.clone()/> })}
            <p>{t::INBOX_LEAD}</p>
            <p class="staff-duty"><strong>{t::INBOX_DUTY}</strong></p>
            {if p.threads.is_empty() {
                view! { <p>{t::INBOX_EMPTY}</p> }.into_any()
            } else {
                view! { <Threads threads=p.threads.clone()/> }.into_any()
            }}
        </StaffFrame>
    }
}

#[component]
fn Threads(threads: Vec<InboxLine>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="table table--compact inbox-table">
                <thead>
                    <tr>
                        <th scope="col">{t::INBOX_LABEL}</th>
                        <th scope="col">{t::INBOX_STATUS}</th>
                        <th scope="col">{t::INBOX_LAST}</th>
                        <th scope="col">{t::INBOX_WRITER}</th>
                        <th scope="col">{t::INBOX_SITE}</th>
                        <th scope="col">{t::INBOX_COUNT}</th>
                    </tr>
                </thead>
                <tbody>
                    {threads
                        .into_iter()
                        .map(|l| {
                            let label = l.label.clone();
                            view! {
                            <tr class=if l.waiting { "inbox-waiting" } else { "" } data-label=label>
                                <th scope="row"><a href=l.href>{l.label}</a></th>
                                <td>{l.status}</td>
                                <td>{l.last}</td>
                                <td>{l.writer}</td>
                                <td>{l.site}</td>
                                <td>{l.messages}</td>
                            </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn OpenThread(thread: StaffThread, csrf: String) -> impl IntoView {
    let max = MAX_CHARS.to_string();
    view! {
        <section aria-labelledby="traad-heading" class="open-thread">
            <h2 id="traad-heading">{thread.label.clone()}</h2>
            <p>{thread.site_name.clone()} " · " {thread.writer.clone()} " · " <strong>{thread.status.clone()}</strong></p>
            <ol class="nobullet-list message-list">{thread.messages.into_iter().map(|m| view! { <Message m/> }).collect_view()}</ol>
            {(!thread.closed).then(|| view! {
                <form method="post" action=path::MESSAGES class="staff-form">
                    <input type="hidden" name=field::CSRF value=csrf.clone()/>
                    <input type="hidden" name=field::THREAD value=thread.label.clone()/>
                    <input type="hidden" name=field::ACTION value=InboxForm::REPLY/>
                    <div class="form-group">
                        <label class="form-label" for="svar">{t::INBOX_REPLY}</label>
                        <span class="form-hint" id="svar-hint">{t::body_hint()}</span>
                        <textarea class="form-input" id="svar" name=field::REPLY rows="8" maxlength=max aria-describedby="svar-hint" required=true inner_html=textarea_content(&thread.reply)></textarea>
                    </div>
                    <button type="submit" class="button button-primary">{t::INBOX_SEND}</button>
                </form>
                <form method="post" action=path::MESSAGES>
                    <input type="hidden" name=field::CSRF value=csrf.clone()/>
                    <input type="hidden" name=field::THREAD value=thread.label.clone()/>
                    <input type="hidden" name=field::ACTION value=InboxForm::CLOSE/>
                    <button type="submit" class="button button-secondary">{t::INBOX_CLOSE}</button>
                </form>
            })}
            <p><a href=path::MESSAGES>{t::INBOX_BACK}</a></p>
        </section>
    }
}
