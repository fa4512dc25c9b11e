//! Taking the terminal for the workbench and giving it back as it was: raw mode and the
//! alternate screen (ratatui's), pastes marked as such (bracketed paste: a pasted line
//! break is text, not Enter), and the mouse's reports when the keymap takes the mouse.
//! Every way out gives it back: quitting, an error, a panic, a signal, Ctrl-Z, the editor.
//!
//! Must not: draw, or know what an event means (the event loop and app/ do).

use anyhow::{Context, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the terminal reports the mouse to the workbench now (so that giving the
/// terminal back turns that off, and only then: Windows keeps no mode to go back to
/// otherwise).
static MOUSE_TAKEN: AtomicBool = AtomicBool::new(false);

/// Whether the terminal marks pastes now (likewise).
static PASTE_MARKED: AtomicBool = AtomicBool::new(false);

/// Takes the terminal: raw mode, the alternate screen, and the mouse when `mouse`.
pub fn take(mouse: bool) -> Result<DefaultTerminal> {
    static GIVE_BACK_ON_PANIC: Once = Once::new();
    GIVE_BACK_ON_PANIC.call_once(|| {
        // ratatui's own hook leaves the screen and raw mode; this one the rest.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            release_modes();
            previous(info);
        }));
    });
    let terminal = ratatui::try_init().context("opening the terminal")?;
    // A terminal that cannot mark pastes (an old Windows console) types them as keys.
    if execute!(std::io::stdout(), EnableBracketedPaste).is_ok() {
        PASTE_MARKED.store(true, Ordering::Relaxed);
    }
    if mouse {
        execute!(std::io::stdout(), EnableMouseCapture).context("taking the mouse")?;
        MOUSE_TAKEN.store(true, Ordering::Relaxed);
    }
    Ok(terminal)
}

/// Gives the terminal back as it was (best effort: on the way out, nothing is left to do
/// about a failure).
pub fn give_back() {
    release_modes();
    ratatui::restore();
}

/// Stops the terminal reporting the mouse and marking pastes, where it does.
fn release_modes() {
    if MOUSE_TAKEN.swap(false, Ordering::Relaxed) {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    if PASTE_MARKED.swap(false, Ordering::Relaxed) {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    }
}
