//! The workbench runtime: opens the terminal (`terminal`: restored on quit, error, panic,
//! SIGTERM and SIGHUP), turns terminal events (keys, the mouse, resizes) into messages for
//! the pure `App::update`, runs the
//! effects it returns (database writes, undo/redo, exports, imports, the editor), and
//! redraws only when something changed.
//!
//! Must not: decide anything about the data; app/ decides, the library computes.

pub mod app;
pub mod keymap;
pub mod strings;
mod terminal;
pub mod theme;
pub mod view;

#[cfg(test)]
mod tests;

use crate::cli::Session;
use anyhow::{Context, Result};
use app::{App, Choice, Effect, Msg, PillarInputs};
use chrono::NaiveDate;
use keymap::Keymap;
use netcurate::export::{self, ExportKind};
use netcurate::import::{ImportBatch, Mappings};
use netcurate::model::Contact;
use netcurate::store::ImportUndo;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use strings::status;
use theme::Theme;

/// Builds the app state from an open session.
pub fn build_app(session: &Session, keymap: Keymap) -> Result<App> {
    let network = session.load()?;
    let mut app = App::new(
        network,
        session.profile.clone(),
        keymap,
        pillar_inputs(session)?,
    );
    app.saved_filters = session.store.saved_filters()?;
    app.import_start = session.where_to_import().unwrap_or_default();
    app.import_command = crate::cli::command_line(session.store.path(), "import <path>");
    app.export_delimiter = (session.store.export_delimiter()?).unwrap_or(export::COMMA);
    app.filter_history = session.store.filter_history()?;
    Ok(app)
}

fn pillar_inputs(session: &Session) -> Result<PillarInputs> {
    Ok(PillarInputs {
        assumptions: session.assumptions()?,
        readings: session.store.ssi_readings()?,
        log: session.store.projections()?,
        threshold: session.profile.as_ref().map_or(60.0, |p| p.threshold),
    })
}

/// The app for the first frame: the top of the list (as many rows as the screen shows)
/// while the whole network loads; keys wait for the whole app. Its status line says it
/// is loading in place of counts and the projection, so the pillars' inputs are not read.
pub fn first_frame_app(session: &Session, keymap: Keymap, rows: usize) -> Result<App> {
    let (contacts, total) = session.store.load_first(rows)?;
    let network = netcurate::network::Network::new(contacts, Vec::new(), session.as_of);
    let mut app = App::new(
        network,
        session.profile.clone(),
        keymap,
        PillarInputs::default(),
    );
    app.loading = Some(total);
    Ok(app)
}

/// The width of the terminal `stream` (standard output or error) goes to, when it goes
/// to one (the command line fits its text to it).
pub fn columns_of(stream: &impl std::io::IsTerminal) -> Option<u16> {
    stream
        .is_terminal()
        .then(|| ratatui::crossterm::terminal::size().ok())
        .flatten()
        .map(|(columns, _)| columns)
}

/// Opens the workbench on a database: a first frame from the top of the list, then the
/// whole network (at 100k contacts the first frame shows in 0.04 s instead of 0.23 s).
pub fn run_on(db: &Path, as_of: Option<NaiveDate>, profile: Option<&Path>) -> Result<()> {
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        anyhow::bail!(strings::NEEDS_A_TERMINAL);
    }
    let made_here = !db.exists();
    let mut session = Session::open(db, as_of, profile)?;
    let (keymap, keymap_said) = Keymap::load();
    let stop = watch_signals()?;
    let mut terminal = terminal::take(keymap.mouse)?;
    let result = (|| {
        let theme = Theme::from_env();
        let height = terminal.size()?.height;
        let first = first_frame_app(&session, keymap.clone(), view::table_rows(height))?;
        terminal.draw(|f| view::draw(&first, &theme, f))?;
        netcurate::trace::phase("drew the first frame");
        // For measuring startup to first frame on the whole process (benches/compare.sh).
        if std::env::var_os("NETCURATE_EXIT_AFTER_FIRST_FRAME").is_some() {
            return Ok(());
        }
        let mut app = build_app(&session, keymap)?;
        netcurate::trace::phase("built the workbench");
        app.say_what_to_do_first();
        if let Some(upgrade) = session.store.upgrade() {
            app.status = crate::cli::upgrade_said(upgrade);
        }
        if let Some(said) = keymap_said {
            app.status = said;
        }
        event_loop(&mut terminal, &mut app, &mut session, &stop)
    })();
    terminal::give_back();
    if made_here {
        crate::cli::keep_unless_empty(session, db);
    }
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    session: &mut Session,
    stop: &AtomicBool,
) -> Result<()> {
    let theme = Theme::from_env();
    let mut version = session.store.data_version()?;
    let mut dirty = true;
    let mut first_frame = true;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            let size = terminal.size()?;
            app.update(Msg::Resize {
                rows: view::table_rows(size.height),
                help_rows: view::help_rows(size.height),
                help_columns: view::help_columns(size.width),
                pillars_hidden: view::pillars_hidden(app, &theme, size),
            });
            terminal.draw(|f| view::draw(app, &theme, f))?;
            // Once: a line per frame would land on the workbench's screen.
            if std::mem::take(&mut first_frame) {
                netcurate::trace::phase("drew the whole workbench");
            }
            dirty = false;
        }
        if !event::poll(TICK)? {
            app.prepare();
            let now = session.store.data_version()?;
            if now != version {
                version = now;
                reload(app, session, status::RELOADED)?;
                dirty = true;
            }
            continue;
        }
        let (msgs, redraw) = read_queued(app, terminal)?;
        // Events queued together are handled before the next frame (see
        // App::update_queued).
        for msg in msgs {
            if app.quit {
                break;
            }
            for effect in app.update_queued(msg) {
                run_effect(effect, app, session, terminal)?;
            }
        }
        if redraw {
            app.settle();
            version = session.store.data_version()?;
            dirty = true;
        }
    }
    Ok(())
}

/// The events already queued, read before any is handled, as the app's messages (keys,
/// the wheel's notches, clicks), and whether the screen is to be drawn again (a resize
/// asks for nothing else). Reading them all first places a click on the screen the user
/// clicked, the frame last drawn, not on what the keys queued before it (a `G`, a notch
/// of the wheel) make of it. For up to a frame's time, so that a key held down still
/// shows.
fn read_queued(app: &App, terminal: &DefaultTerminal) -> Result<(Vec<Msg>, bool)> {
    let started = std::time::Instant::now();
    let mut msgs = Vec::new();
    let mut resized = false;
    loop {
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => msgs.push(Msg::Key(key)),
            Event::Mouse(mouse) => msgs.extend(mouse_msg(app, terminal, mouse)?),
            Event::Paste(text) => msgs.push(Msg::Paste(text)),
            Event::Resize(..) => resized = true,
            _ => {}
        }
        if started.elapsed() >= QUEUED_KEYS_MAX || !event::poll(Duration::ZERO)? {
            break;
        }
    }
    let redraw = resized || !msgs.is_empty();
    Ok((msgs, redraw))
}

/// What a mouse event asks of the app, on the screen as last drawn: a notch of the
/// wheel, or a left click on something there; nothing for the rest (moves, drags, other
/// buttons), which the terminal reports by the hundred and cost no more than this match.
fn mouse_msg(app: &App, terminal: &DefaultTerminal, mouse: MouseEvent) -> Result<Option<Msg>> {
    Ok(match mouse.kind {
        MouseEventKind::ScrollDown => Some(Msg::Wheel { down: true }),
        MouseEventKind::ScrollUp => Some(Msg::Wheel { down: false }),
        MouseEventKind::Down(MouseButton::Left) => {
            let at = Position::new(mouse.column, mouse.row);
            let clicked = view::clicked_at(app, terminal.size()?, at);
            Some(Msg::Click(clicked.unwrap_or(app::Clicked::Elsewhere)))
        }
        _ => None,
    })
}

/// SIGTERM and SIGHUP ask the loop to stop (it restores the terminal on its way out). If
/// the loop does not stop within a moment (after a hang-up the terminal library can be
/// stuck reading a closed terminal), the terminal is restored and the process exits
/// here. Every change is committed when it is made, so nothing is lost.
#[cfg(unix)]
fn watch_signals() -> Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])
        .context("installing signal handlers")?;
    let flag = Arc::clone(&stop);
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            flag.store(true, Ordering::Relaxed);
            std::thread::sleep(TICK * 3);
            terminal::give_back();
            std::process::exit(0);
        }
    });
    Ok(stop)
}

/// Windows ends a console program without a signal to catch: nothing to watch.
#[cfg(not(unix))]
fn watch_signals() -> Result<Arc<AtomicBool>> {
    Ok(Arc::new(AtomicBool::new(false)))
}

/// How long the loop waits for a key before checking for outside changes.
const TICK: Duration = Duration::from_millis(250);

/// How long queued events are read before those read are handled and a frame drawn.
const QUEUED_KEYS_MAX: Duration = Duration::from_millis(50);

/// Reloads the network from the database, keeping the view (filter, sort, view).
fn reload(app: &mut App, session: &Session, status: &str) -> Result<()> {
    let keymap = std::mem::replace(&mut app.keymap, Keymap::default_map());
    let mut fresh = build_app(session, keymap)?;
    fresh.view = app.view;
    fresh.table.sort = app.table.sort;
    fresh.table.descending = app.table.descending;
    fresh.set_filter(&app.table.filter.clone());
    fresh.table.cursor = app
        .table
        .cursor
        .min(fresh.table.ids.len().saturating_sub(1));
    fresh.status = status.to_string();
    fresh.page = app.page;
    fresh.segments = app.segments.clone();
    fresh.invitations = app.invitations.clone();
    fresh.find_invitations(&app.invitation_find);
    // Worked out for the view shown (the segments view's rows only when it is).
    fresh.refresh_segments();
    *app = fresh;
    Ok(())
}

/// Puts `text` on the clipboard of the terminal the workbench runs in (over ssh too: the
/// user's own), with the OSC 52 sequence; a terminal that does not allow it ignores it
/// (the system clipboard's program is asked too: `platform::copy_to_system_clipboard`).
fn copy_through_terminal(out: &mut impl std::io::Write, text: &str) -> std::io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

fn run_effect(
    effect: Effect,
    app: &mut App,
    session: &mut Session,
    terminal: &mut DefaultTerminal,
) -> Result<()> {
    let tell = |app: &mut App, s: String| {
        app.update(Msg::Status(s));
    };
    let fail = |app: &mut App, s: String| {
        app.update(Msg::Failed(s));
    };
    match effect {
        Effect::Quit => {}
        Effect::Persist(op) => {
            if let Err(e) = session.store.record(&op) {
                reload(app, session, &status::not_saved(e))?;
            }
        }
        Effect::Undo | Effect::Redo => {
            let undo = effect == Effect::Undo;
            match if undo {
                session.store.undo()
            } else {
                session.store.redo()
            } {
                // What the workbench does not hold in memory (a profile's scores, an
                // SSI reading, the assumptions) is read again.
                Ok(Some(op)) if op.needs_reload() => {
                    session.read_profile()?;
                    let what = op.describe();
                    let said = if undo {
                        status::undid(&what)
                    } else {
                        status::redid(&what)
                    };
                    reload(app, session, &said)?;
                }
                Ok(Some(op)) => {
                    app.update(if undo {
                        Msg::Undone(op)
                    } else {
                        Msg::Redone(op)
                    });
                }
                // Only the latest import is left: it goes back only once confirmed.
                Ok(None) if undo && session.store.undo_import(false)? == ImportUndo::Possible => {
                    let import = session.store.latest_import()?.unwrap_or_default();
                    app.update(Msg::ImportUndoable(import));
                }
                Ok(None) => tell(app, status::nothing_to(undo)),
                Err(e) => fail(app, e.to_string()),
            }
        }
        Effect::ReadHistory(limit) => {
            let actions = history_actions(app, session.store.path());
            match crate::cli::history_lines(&session.store, limit, &actions) {
                Ok(lines) => {
                    app.update(Msg::HistoryRead(lines));
                }
                Err(e) => fail(app, e.to_string()),
            }
        }
        Effect::OpenUrl(url) => {
            let opener = crate::platform::url_opener();
            let spawned = std::process::Command::new(opener)
                .arg(&url)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn();
            tell(
                app,
                match spawned {
                    Ok(_) => status::opened(&url),
                    Err(_) => {
                        status::no_opener(opener, &url, app.keymap.key(keymap::Command::Copy))
                    }
                },
            );
        }
        Effect::Copy(urls) => {
            let text = urls.join("\n");
            copy_through_terminal(terminal.backend_mut(), &text)?;
            // Best effort: the terminal's copy may have been enough (over ssh it is all).
            let _ = crate::platform::copy_to_system_clipboard(&text);
            tell(app, status::copied(urls.len()));
        }
        Effect::Export { request, force } => match export_to(app, session, &request, force) {
            Ok((said, where_to_act)) => {
                remember_delimiter(app, session, &request);
                // A plan's projection was logged: the pillars view lists it.
                if request.kind.is_plan() {
                    match session.store.projections() {
                        Ok(log) => {
                            app.update(Msg::ProjectionsLogged(log));
                        }
                        Err(e) => fail(app, e.to_string()),
                    }
                }
                match where_to_act {
                    Some(where_to_act) => {
                        app.update(Msg::PlanWritten { said, where_to_act });
                    }
                    None => tell(app, said),
                }
            }
            Err(e) => fail(app, status::export_failed(e)),
        },
        Effect::DeleteFilter(name) => match session.store.delete_filter(&name) {
            Ok(_) => {
                app.update(Msg::FilterDeleted(name));
            }
            Err(e) => fail(app, e.to_string()),
        },
        Effect::SaveFilter { name, query } => match session.store.save_filter(&name, &query) {
            Ok(()) => {
                app.update(Msg::FilterSaved(name, query));
            }
            Err(e) => fail(app, e.to_string()),
        },
        Effect::SetAssumptions {
            assumptions,
            assignment,
        } => {
            let stored = serde_json::to_string(&assumptions).map_err(anyhow::Error::from);
            match stored.and_then(|json| {
                let named = netcurate::ops::Named::assumptions();
                Ok(session.store.replace(named, Some(&json))?)
            }) {
                Ok(_) => {
                    app.update(Msg::AssumptionsSet {
                        assumptions,
                        assignment,
                    });
                }
                Err(e) => fail(app, e.to_string()),
            }
        }
        Effect::RecordSsi(r) => match session.store.record_ssi(&r) {
            Ok(()) => {
                app.update(Msg::SsiRecorded(r));
            }
            Err(e) => fail(app, e.to_string()),
        },
        Effect::Import { path, allow_gone } => {
            let theme = Theme::from_env();
            let mut show = |p: netcurate::import::Progress| {
                app.overlay = app::Overlay::Progress {
                    label: strings::import_progress(p.stage, &path, p.read_bytes),
                    ratio: p.fraction,
                };
                let _ = terminal.draw(|f| view::draw(app, &theme, f));
            };
            // A contact CSV is read with the map given on the command line for its header.
            let result = (session.store.remembered_maps())
                .and_then(|remembered| {
                    let mappings = Mappings {
                        remembered: &remembered,
                        ..Mappings::default()
                    };
                    ImportBatch::read_with(std::slice::from_ref(&path), &mappings, &mut show)
                })
                .and_then(|mut batch| {
                    batch.allow_gone = allow_gone;
                    session.store.import_with(
                        batch,
                        session.profile.as_ref(),
                        session.now(),
                        &mut show,
                    )
                });
            app.overlay = app::Overlay::None;
            match result {
                Ok(r) => {
                    // Without a profile nothing is scored: say how to get one, first.
                    let unscored = match session.profile {
                        Some(_) => String::new(),
                        None => {
                            status::not_scored_yet(app.keymap.key(keymap::Command::EditProfile))
                        }
                    };
                    let imported = status::imported(&path, &r);
                    let message = format!("{unscored}{imported}");
                    reload(app, session, &message)?;
                    app.update(Msg::Imported {
                        lines: r.lines(),
                        lists: app::ImportList::of_report(&r),
                    });
                }
                Err(e) if e.doubts_gone() => {
                    app.update(Msg::ImportRefused {
                        path,
                        why: e.to_string(),
                    });
                }
                Err(e) => fail(app, status::import_failed(e)),
            }
        }
        Effect::UndoImport(import) => match session.store.undo_import(true) {
            Ok(ImportUndo::Done) => {
                let again = app.keymap.key(keymap::Command::Import).to_string();
                reload(app, session, &status::import_undone(&import.name(), &again))?
            }
            Ok(_) => tell(app, status::nothing_to(true)),
            Err(e) => fail(app, e.to_string()),
        },
        Effect::CompletePath(asked) => {
            let (completed, choices) = complete_path(&asked);
            app.update(Msg::PathCompleted {
                asked,
                completed,
                choices,
            });
        }
        // Best effort: a history not stored is this session's still.
        Effect::RememberFilters(filters) => {
            let _ = session.store.remember_filter_history(&filters);
        }
        Effect::Suspend => {
            terminal::give_back();
            let stopped = crate::platform::stop_to_shell();
            *terminal = terminal::take(app.keymap.mouse)?;
            terminal.clear()?;
            if let Err(e) = stopped {
                fail(app, status::not_suspended(e));
            }
        }
        Effect::EditProfile => {
            terminal::give_back();
            let keys = &app.keymap;
            let reopen = keys.key(keymap::Command::EditProfile);
            let outcome = edit_profile(session, reopen, &keys.undo_hint());
            *terminal = terminal::take(keys.mouse)?;
            match outcome {
                Ok(message) => reload(app, session, &message)?,
                Err(e) => fail(app, status::profile_not_changed(e)),
            }
        }
    }
    Ok(())
}

/// How the workbench's history names what walks it: its keys as bound (an import is taken
/// back by the undo key too, once asked), and `netcurate history` for the changes it
/// leaves out (on the database at `db`).
fn history_actions(app: &App, db: &Path) -> crate::cli::HistoryActions {
    let key = |c| app.keymap.key(c).to_string();
    let history = crate::cli::command_line(db, "history");
    crate::cli::HistoryActions {
        undo: key(keymap::Command::Undo),
        redo: key(keymap::Command::Redo),
        undo_import: strings::history_undo_import(&key(keymap::Command::Undo)),
        more: Box::new(move |more, total| strings::history_more(more, &history, total)),
    }
}

/// Completes the last word of a prompt's text as a path: to the longest start its folder's
/// entries share (hidden ones only for a name starting with `.`), with a `/` after a
/// folder; and the names it could still become when there are several.
fn complete_path(input: &str) -> (String, Vec<Choice>) {
    let start = input.rfind(' ').map_or(0, |i| i + 1);
    let (head, word) = input.split_at(start);
    let (dir, prefix) = word
        .rfind(std::path::is_separator)
        .map_or(("", word), |i| word.split_at(i + 1));
    let listed = if dir.is_empty() {
        ".".to_string()
    } else {
        app::typed_path(dir)
    };
    let mut names: Vec<(String, bool)> = std::fs::read_dir(&listed)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    let shown = prefix.starts_with('.') || !name.starts_with('.');
                    (shown && name.starts_with(prefix)).then(|| (name, e.path().is_dir()))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let Some(common) = netcurate::text::common_start(names.iter().map(|(n, _)| n.as_str())) else {
        return (input.to_string(), vec![]);
    };
    let slash = if names.len() == 1 && names[0].1 {
        "/"
    } else {
        ""
    };
    let choices = match names.len() {
        1 => vec![],
        _ => (names.iter())
            .map(|(n, folder)| {
                let name = if *folder { format!("{n}/") } else { n.clone() };
                Choice::of(&name, &format!("{head}{dir}{name}"))
            })
            .collect(),
    };
    (format!("{head}{dir}{common}{slash}"), choices)
}

/// After an export to a `.csv` file (a `.tsv` is tab-separated by its name), its
/// delimiter is the one the next export prompt offers. Best effort: the export is written
/// either way, and a database that cannot take the setting will say so at the next write.
fn remember_delimiter(app: &mut App, session: &mut Session, request: &app::ExportRequest) {
    if export::delimiter_for(&request.path) == export::COMMA {
        app.export_delimiter = request.delimiter;
        let _ = session.store.remember_export_delimiter(request.delimiter);
    }
}

fn export_to(
    app: &App,
    session: &mut Session,
    request: &app::ExportRequest,
    force: bool,
) -> Result<(String, Option<&'static str>)> {
    let app::ExportRequest {
        kind,
        ref path,
        ref ids,
        ref columns,
        delimiter,
    } = *request;
    let contacts: Vec<&Contact> = ids
        .iter()
        .filter_map(|id| app.network.contact(*id))
        .collect();
    let export = export::Export {
        kind,
        contacts: &contacts,
        columns,
        profile: app.profile.as_ref(),
        network: &app.network,
        delimiter,
    };
    let n = export.write_file(path, force, true)?;
    if kind.is_plan()
        && let Some(p) = &app.projection
    {
        session.log_projection(p)?;
    }
    let invitations = kind == ExportKind::WithdrawalPlan;
    let written = crate::platform::where_written(path);
    let exported = status::exported(n, invitations, kind.as_str(), &written, delimiter);
    // An empty plan is most often a plan not made yet: say how to make one.
    let key = |c| app.keymap.key(c);
    let hint = match (kind, n) {
        (ExportKind::RemovalPlan, 0) => status::none_marked(false, key(keymap::Command::Prune)),
        (ExportKind::WithdrawalPlan, 0) => status::none_marked(
            true,
            &format!(
                "{} / {}",
                key(keymap::Command::Withdraw),
                key(keymap::Command::WithdrawStale)
            ),
        ),
        _ => String::new(),
    };
    // A plan written: where to act on it, in a box.
    let where_to_act = kind.where_to_act().filter(|_| n > 0);
    Ok((format!("{exported}{hint}"), where_to_act))
}

/// Opens the stored profile (or a draft) in $EDITOR; on a valid result stores it and
/// rescores. An invalid profile keeps the old one and says why, and the edit is kept in a
/// file beside the database (not in the shared temporary folder), which the next edit
/// reopens instead of starting over.
fn edit_profile(session: &mut Session, reopen_key: &str, undo_hint: &str) -> Result<String> {
    let path = crate::cli::profile_edit_file(session.store.path());
    let text = match session.store.profile_text()? {
        Some(t) => t,
        None => netcurate::audience::Profile::draft(
            &session.load()?.contacts,
            &session.store.employers()?,
        ),
    };
    if !path.exists() {
        std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
    }
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| crate::platform::DEFAULT_EDITOR.to_string());
    let status = crate::platform::editor_command(&editor, &path)
        .status()
        .with_context(|| format!("running {editor}"))?;
    let edited = std::fs::read_to_string(&path)?;
    if !status.success() {
        anyhow::bail!(status::edit_kept(
            reopen_key,
            format!("{editor} exited with {status}")
        ));
    }
    if edited == text && session.profile.is_some() {
        let _ = std::fs::remove_file(&path);
        return Ok(status::PROFILE_UNCHANGED.to_string());
    }
    let profile = match netcurate::audience::Profile::parse("edit", &edited) {
        Ok(profile) => profile,
        Err(e) => anyhow::bail!(status::edit_kept(reopen_key, e)),
    };
    let _ = std::fs::remove_file(&path);
    let rescored = session.store.change_profile(&edited)?;
    session.profile = Some(profile);
    Ok(format!("{}{undo_hint}", status::profile_saved(rescored)))
}
