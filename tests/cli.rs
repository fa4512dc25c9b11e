//! The command line end to end (the README's "The command line"): explain, tagging and
//! decisions with undo/redo, stale invitations and the withdrawal plan, exports (formula
//! injection, round trip, removal plan), pillars on the DESIGN.md §5 worked example, and
//! bad input.

mod common;

use chrono::{Duration, NaiveDate};
use common::{AS_OF, Db, fixture};
use netcurate::synth::{self, Label, Person, Style};
use serde_json::json;

fn as_of() -> NaiveDate {
    NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap()
}

fn person(slug: &str, company: &str, position: &str) -> Person {
    Person {
        first: format!("F{slug}"),
        last: format!("L{slug}"),
        slug: slug.to_string(),
        company: company.to_string(),
        position: position.to_string(),
        connected_on: as_of() - Duration::days(400),
        label: Label::Other,
        hidden: false,
    }
}

fn write(db: &Db, name: &str, bytes: Vec<u8>) -> String {
    let p = db.write(name, bytes);
    p.display().to_string()
}

#[test]
fn explain_says_why_an_assistant_is_not_a_decision_maker() {
    let db = Db::new();
    let people = vec![
        person("ea", "Hooli", "Executive Assistant to the CTO"),
        person("cto", "Hooli", "CTO"),
    ];
    let file = write(&db, "c.csv", synth::connections_csv(&people, Style::Y2026));
    db.ok(&["--profile", &fixture("demo/profile.toml"), "import", &file]);
    let out = db.ok(&["explain", "https://www.linkedin.com/in/ea"]);
    assert!(out.contains("seniority: support"), "{out}");
    assert!(out.contains("decision maker: no — an assistant or secretary supports a decision maker but is not one"), "{out}");
    let cto = db.ok(&["explain", "linkedin.com/in/cto"]);
    assert!(cto.contains("decision maker: yes"), "{cto}");
    let score = |o: &str| -> u32 {
        o.lines()
            .find_map(|l| l.trim().strip_prefix("score: "))
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(score(&cto) > score(&out) + 40, "{cto}\n{out}");
}

/// A hidden account (a closed or restricted one: everything empty but the date) is
/// explained under that name, not as " —  at ".
/// A profile URL with an accented slug, percent-encoded in the export, is shown as an
/// address bar shows it; the URL as exported still finds the contact.
#[test]
fn explain_shows_a_profile_url_as_it_reads() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let out = db.ok(&["explain", "Björn Halvorsen"]);
    assert!(
        out.contains("  https://www.linkedin.com/in/björn-halvorsen-1013\n"),
        "{out}"
    );
    let by_url = db.ok(&[
        "explain",
        "https://www.linkedin.com/in/bj%C3%B6rn-halvorsen-1013",
    ]);
    assert_eq!(by_url, out);
}

/// A name typed with its umlauts spelt out, whole or in part, finds the contact as a
/// filter does, and a name spelt out is found by its umlauts typed.
#[test]
fn explain_finds_a_name_typed_with_its_umlauts_spelt_out() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let bjorn = db.ok(&["explain", "Björn Halvorsen"]);
    assert_eq!(db.ok(&["explain", "Bjoern Halvorsen"]), bjorn);
    assert_eq!(db.ok(&["explain", "bjoern halv"]), bjorn);
    assert_eq!(
        db.ok(&["explain", "Soeren Okafor"]),
        db.ok(&["explain", "Søren Okafor"])
    );
    // The other way round: a name LinkedIn has spelt out, typed with its umlauts.
    let file = db.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Juergen,Mueller,https://www.linkedin.com/in/juergen-mueller,,Initech,CTO,01 Mar 2024\n",
    );
    let spelt = Db::new();
    spelt.ok(&["import", file.to_str().unwrap()]);
    let juergen = spelt.ok(&["explain", "Juergen Mueller"]);
    assert!(
        juergen.starts_with("Juergen Mueller — CTO at Initech"),
        "{juergen}"
    );
    assert_eq!(spelt.ok(&["explain", "Jürgen Müller"]), juergen);
    assert_eq!(spelt.ok(&["explain", "jürgen mü"]), juergen);
    // Only the umlauts say "ue": a plain Jurgen Muller is someone else.
    let (code, _, err) = spelt.run(&["explain", "Jurgen Muller"]);
    assert!(code == 1 && err.contains("no contact with id"), "{err}");
    // A short name misspelt with its umlauts spelt out is suggested: "joerg eck" is not
    // near "jorg ek", but it is near "joerg ek".
    std::fs::write(
        &file,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Jörg,Ek,https://www.linkedin.com/in/joerg-ek,,Initech,CTO,01 Mar 2024\n",
    )
    .unwrap();
    let short = Db::new();
    short.ok(&["import", file.to_str().unwrap()]);
    let (code, _, err) = short.run(&["explain", "Joerg Eck"]);
    assert!(
        code == 1 && err.ends_with("'Joerg Eck' (did you mean Jörg Ek (id 1)?)\n"),
        "{err}"
    );
}

#[test]
fn explain_names_a_hidden_account_as_such() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let hidden = db.json(&["list", "--json", "--filter", "flag:hidden"]);
    let id = hidden[0]["id"].to_string();
    let out = db.ok(&["explain", &id]);
    assert!(out.starts_with("(hidden account)\n"), "{out}");
    assert!(out.contains("  flags: hidden\n"), "{out}");
}

/// `explain` also takes a full name (any case) when it names one contact; namesakes are
/// listed by id to choose from; part of a name finds the one contact whose name holds
/// it; a probable duplicate (a namesake at the same company) is named.
#[test]
fn explain_finds_a_contact_by_name_or_lists_namesakes() {
    let db = Db::new();
    let mut twins = vec![
        person("ann1", "Hooli", "CTO"),
        person("ann2", "Acme", "Designer"),
        person("ann3", "Hooli Inc.", "Advisor"),
    ];
    for p in &mut twins {
        (p.first, p.last) = ("Ann".to_string(), "Lee".to_string());
    }
    let people = [twins, vec![person("bob", "Hooli", "VP Sales")]].concat();
    let file = write(&db, "c.csv", synth::connections_csv(&people, Style::Y2026));
    db.ok(&["import", &file]);
    // A whole name in any case, or part of one that one contact's name holds.
    for who in ["fbob lbob", "BOB"] {
        let out = db.ok(&["explain", who]);
        assert!(
            out.starts_with("Fbob Lbob — VP Sales at Hooli"),
            "{who}: {out}"
        );
    }
    let (code, _, err) = db.run(&["explain", "Ann Lee"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "3 contacts are named 'Ann Lee'; say which by id: Ann Lee — CTO at Hooli (id 1), \
             Ann Lee — Designer at Acme (id 2), Ann Lee — Advisor at Hooli Inc. (id 3)"
        ),
        "{err}"
    );
    let out = db.ok(&["explain", "https://www.linkedin.com/in/ann1"]);
    assert!(out.contains("  flags: duplicate\n"), "{out}");
    assert!(
        out.contains("    probable duplicate of Ann Lee — Advisor at Hooli Inc., connected "),
        "{out}"
    );
    assert!(
        !out.contains("Designer"),
        "another company is another person: {out}"
    );
    let (code, _, err) = db.run(&["explain", "Nobody"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "netcurate: no contact with id, profile URL or name 'Nobody'\n"
    );
    // A misspelt name: the contact meant.
    let (code, _, err) = db.run(&["explain", "Fbob Lbbo"]);
    assert_eq!(code, 1);
    assert!(
        err.ends_with("'Fbob Lbbo' (did you mean Fbob Lbob (id 4)?)\n"),
        "{err}"
    );
    // A name needs no quotes.
    let out = db.ok(&["explain", "Fbob", "LBOB"]);
    assert!(out.starts_with("Fbob Lbob — VP Sales at Hooli"), "{out}");
    // Part of a name several names hold: they are listed, by id.
    let (code, _, err) = db.run(&["explain", "lee"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no contact is named 'lee', and 3 names hold it: Ann Lee — CTO at Hooli (id 1), Ann Lee — Designer at Acme (id 2), Ann Lee — Advisor at Hooli Inc. (id 3); say which by id or full name\n"),
        "{err}"
    );
    // More namesakes than a few: the error names five and the command that lists them all.
    let many = Db::new();
    let namesakes = |n: usize, slug: &str, title: &str, (first, last): (&str, &str)| {
        let mut people: Vec<_> = (0..n)
            .map(|i| person(&format!("{slug}{i}"), "Acme", title))
            .collect();
        for p in &mut people {
            (p.first, p.last) = (first.to_string(), last.to_string());
        }
        people
    };
    // Seven Cy Do, and six who go by a nickname in quotes, which a filter cannot quote.
    let people = [
        namesakes(7, "cy", "CTO", ("Cy", "Do")),
        namesakes(6, "ro", "CFO", ("Ro \"Bo\"", "Li")),
    ]
    .concat();
    let file = write(
        &many,
        "c.csv",
        synth::connections_csv(&people, Style::Y2026),
    );
    many.ok(&["import", &file]);
    // `explain NAME` names five and the `list` that shows all `n`, which does.
    let lists_all = |who: &[&str], name: &str, filter: &str, n: usize| {
        let (code, _, err) = many.run(&[["explain"].as_slice(), who].concat());
        assert_eq!(code, 1);
        let list = many.command_line(&format!("list --filter '{filter}'"));
        let more = n - 5;
        assert!(
            err.contains(&format!(
                " and {more} more; `{list}` lists them all with ids\n"
            )),
            "{err}"
        );
        let listed = many.ok(&["list", "--filter", filter]);
        assert_eq!(
            listed.lines().filter(|l| l.contains(name)).count(),
            n,
            "{listed}"
        );
    };
    lists_all(&["Cy", "Do"], "Cy Do", "name:\"Cy Do\"", 7);
    lists_all(
        &["Ro \"Bo\" Li"],
        "Ro \"Bo\" Li",
        "name:Ro name:Bo name:Li",
        6,
    );
}

#[test]
fn tag_decide_undo_redo_are_exact_and_protect_wins() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    for bad in ["", " ", "a;b"] {
        let (code, _, err) = db.run(&["tag", "add", bad, "--filter", "title:e"]);
        assert!(code == 1 && err.contains("tag"), "{bad:?}: {err}");
    }
    assert_eq!(db.stats()["tags"], serde_json::json!({}), "nothing tagged");
    let out = db.ok(&["tag", "add", "hooli", "--filter", "title:e"]);
    let n = db.stats()["tags"]["hooli"].as_u64().unwrap();
    assert!(
        n > 1 && out.starts_with(&format!("tagged {n} contacts 'hooli'")),
        "{out}"
    );
    db.ok(&["tag", "add", "eu leads", "--filter", "title:e"]);
    let stats = db.ok(&["stats"]);
    assert!(
        stats.contains(&format!("tags: eu leads ({n}), hooli ({n})")),
        "a tag with a space stays apart from its count: {stats}"
    );
    // First, where the data is and how fresh: the database, the latest import's day and
    // folder, the profile.
    let folder = std::fs::canonicalize(fixture("linkedin/2026")).unwrap();
    assert_eq!(
        stats.lines().next().unwrap(),
        format!(
            "database {} · last import {AS_OF} (from {}/) · no profile yet",
            db.path.display(),
            folder.display()
        )
    );

    // How many pending invitations are stale, as `invitations --stale` lists them.
    let stale = db.json(&["invitations", "--stale", "--json"]);
    let stale = stale.as_array().unwrap().len();
    let pending = db.stats()["invitations"]["outgoing_pending"]
        .as_u64()
        .unwrap();
    assert!(stale > 0, "the fixture has stale invitations");
    assert!(
        stats.contains(&format!("pending {pending} of which {stale} stale,")),
        "{stats}"
    );

    db.ok(&["undo"]);
    // A dry run says what a bulk change would do, and stores nothing.
    let before = db.stats();
    for args in [
        ["decide", "prune", "--filter", "title:e"].as_slice(),
        &["tag", "remove", "hooli", "--filter", "title:e"],
        &["invitations", "withdraw", "--stale"],
    ] {
        let out = db.ok(&[args, &["--dry-run"]].concat());
        assert!(
            out.ends_with(
                "dry run: nothing was stored (the same command without --dry-run does it)\n"
            ),
            "{args:?}: {out}"
        );
        let what = out.lines().next().unwrap();
        assert!(
            !what.starts_with("set 0") && !what.contains(" 0 contacts"),
            "{args:?}: {out}"
        );
        assert_eq!(db.stats(), before, "{args:?}");
    }
    db.ok(&["decide", "protect", "--filter", "title:e title:director"]);
    let protected = db.stats()["decisions"]["protect"].as_u64().unwrap();
    assert!(protected >= 1);
    let out = db.ok(&["decide", "prune", "--filter", "title:e"]);
    let db_path = db.path.display().to_string();
    assert!(
        out.ends_with(&format!(
            "to take it back: `netcurate --db {db_path} undo`\n"
        )),
        "{out}"
    );
    let st = db.stats();
    assert_eq!(
        st["decisions"]["prune"].as_u64().unwrap(),
        n - protected,
        "protected are never pruned"
    );
    assert_eq!(st["decisions"]["protect"].as_u64().unwrap(), protected);
    assert!(db.ok(&["undo"]).contains("undid: set"));
    assert_eq!(db.stats()["decisions"]["prune"], 0);
    assert_eq!(
        db.stats()["decisions"]["protect"].as_u64().unwrap(),
        protected,
        "undo restores exactly"
    );
    db.ok(&["redo"]);
    assert_eq!(
        db.stats()["decisions"]["prune"].as_u64().unwrap(),
        n - protected
    );
    db.ok(&["undo"]);
    db.ok(&["undo"]);
    db.ok(&["undo"]);
    let st = db.stats();
    assert_eq!(st["tags"], json!({}));
    assert_eq!(st["decisions"]["undecided"], 42);
    // Every step undone, `undo` leaves the import alone and says how to take it back.
    let out = db.ok(&["undo"]);
    let undo = format!("`{}`", db.command_line("undo --import"));
    assert!(
        out.starts_with(&format!(
            "nothing to undo; {undo} takes back the import of 2026/ on "
        )),
        "{out}"
    );
    assert_eq!(db.stats()["connections"], 42);
    let out = db.ok(&["undo", "--import"]);
    assert!(
        out.starts_with("undid the import of 2026/ on ")
            && out.contains(" (42 new, 13 invitations added): "),
        "it names the import: {out}"
    );
    assert_eq!(db.stats()["connections"], 0);
    assert_eq!(db.ok(&["undo"]).trim(), "nothing to undo");
}

#[test]
fn stale_invitations_are_withdrawn_and_planned_oldest_first() {
    let db = Db::new();
    let people = synth::people(3, 50, (100, 100, 300), 0, as_of());
    let ages: Vec<i64> = (0..45).map(|i| 3 + 2 * i).collect();
    let inv = synth::invitations(3, &people[..10], &ages, 4, as_of());
    let c = write(
        &db,
        "Connections.csv",
        synth::connections_csv(&people, Style::Y2026),
    );
    let i = write(&db, "Invitations.csv", synth::invitations_csv(&inv));
    db.ok(&["import", &c, &i]);
    assert_eq!(db.stats()["invitations"]["outgoing_pending"], 45);
    let stale = ages.iter().filter(|&&a| a > 21).count();
    assert_eq!(stale, 35);
    // Listed first, then marked: the same invitations.
    let listed = db.ok(&["invitations", "--stale"]);
    assert_eq!(listed.matches(" [stale]").count(), stale, "{listed}");
    assert!(listed.contains(&format!(
        "{stale} stale: outgoing, pending more than 21 days"
    )));
    let json = db.json(&["invitations", "--stale", "--json"]);
    assert_eq!(json.as_array().unwrap().len(), stale);
    // The names' column is as wide as the widest name: the URLs line up just after it.
    let widest = (json.as_array().unwrap().iter())
        .map(|i| i["name"].as_str().unwrap().chars().count())
        .max()
        .unwrap();
    let url_at = |line: &str| line.find("https://").map(|at| line[..at].chars().count());
    let rows: Vec<&str> = listed.lines().filter(|l| l.contains("https://")).collect();
    // Direction, age and where it stands ("pending [stale]") take 34 columns with the
    // spaces after them; the URL comes last, whole.
    assert!(
        rows.iter().all(|l| url_at(l) == Some(34 + widest + 2)),
        "{listed}"
    );
    assert!(
        (rows.iter()).all(|l| l
            .rsplit(' ')
            .next()
            .is_some_and(|u| u.starts_with("https://"))),
        "{listed}"
    );
    // The stale age follows the stored assumption unless --days says otherwise.
    db.ok(&["pillars", "--set", "stale_days=60"]);
    let older = ages.iter().filter(|&&a| a > 60).count();
    let out = db.ok(&["invitations", "withdraw", "--stale"]);
    assert!(
        out.starts_with(&format!("marked {older} invitations")),
        "{out}"
    );
    db.ok(&["undo"]);
    db.ok(&["pillars", "--set", "stale_days=21"]);
    let out = db.ok(&["invitations", "withdraw", "--stale", "--days", "21"]);
    assert!(
        out.starts_with(&format!("marked {stale} invitations for withdrawal")),
        "{out}"
    );
    assert_eq!(
        db.stats()["invitations"]["outgoing_withdraw_planned"],
        stale
    );
    let again = db.ok(&["invitations", "withdraw", "--stale", "--days", "21"]);
    assert_eq!(
        again.trim(),
        format!("the {stale} stale invitations are marked for withdrawal already")
    );
    let none = db.ok(&["invitations", "withdraw", "--stale", "--days", "999"]);
    assert_eq!(
        none.trim(),
        "no stale invitation: none pending more than 999 days"
    );
    let plan = db.ok(&["export", "-o", "-", "--kind", "withdrawal-plan"]);
    let rows: Vec<&str> = plan.lines().skip(1).collect();
    assert_eq!(rows.len(), stale);
    assert!(plan.starts_with("Invitee,Invitee URL,Sent At,Age (days)"));
    let plan_ages: Vec<i64> = rows
        .iter()
        .map(|r| r.rsplit(',').next().unwrap().parse().unwrap())
        .collect();
    let mut want: Vec<i64> = ages.iter().copied().filter(|&a| a > 21).collect();
    want.reverse();
    assert_eq!(plan_ages, want, "oldest first, exactly the stale ones");
    assert!(
        rows.iter()
            .all(|r| r.contains("https://www.linkedin.com/in/pending-")),
        "each row has the invitee URL"
    );
    db.ok(&["undo"]);
    assert_eq!(db.stats()["invitations"]["outgoing_withdraw_planned"], 0);
}

/// `invitations --find TEXT` lists those whose person's name or message holds TEXT, case
/// and accents ignored (as `/` finds them in the workbench), `--stale` narrowing both,
/// and says how many of how many it found, or that it found none (`a|b`: either);
/// `invitations withdraw --find TEXT` marks the pending ones it finds (a find of nothing
/// is refused).
#[test]
fn invitations_are_found_by_name_or_message() {
    let db = Db::with_demo();
    let names = |args: &[&str]| -> Vec<String> {
        let json = db.json(&[&["invitations", "--json"], args].concat());
        (json.as_array().unwrap().iter())
            .map(|i| i["name"].as_str().unwrap().to_string())
            .collect()
    };
    let all = names(&[]);
    let vargas: Vec<String> = (all.iter())
        .filter(|n| n.ends_with(" Varga"))
        .cloned()
        .collect();
    assert!(vargas.len() >= 3, "{vargas:?}");
    assert_eq!(names(&["--find", " VARGA "]), vargas);
    let sorens = names(&["--find", "soren varga"]);
    assert!(!sorens.is_empty() && sorens.iter().all(|n| n == "Søren Varga"));
    // The message: the demo's invitations that say where they met.
    let said = std::fs::read_to_string(fixture("demo/Invitations.csv")).unwrap();
    let meetup = said.matches("at the platform meetup").count();
    assert!(meetup > 0 && meetup < all.len());
    assert_eq!(names(&["--find", "Platform Meetup"]).len(), meetup);
    // Either of texts joined by |, as a filter's values.
    let either = names(&["--find", "varga|platform meetup"]);
    let vargas_at_meetups = (names(&["--find", "platform meetup"]).iter())
        .filter(|n| vargas.contains(n))
        .count();
    assert_eq!(either.len(), vargas.len() + meetup - vargas_at_meetups);
    let stale = names(&["--stale"]);
    let stale_vargas = names(&["--stale", "--find", "varga"]);
    assert!(
        stale_vargas
            .iter()
            .all(|n| vargas.contains(n) && stale.contains(n))
    );
    assert!(stale_vargas.len() < vargas.len());
    let text = db.ok(&["invitations", "--find", "varga"]);
    let rows = text.lines().filter(|l| l.contains("https://")).count();
    assert_eq!(rows, vargas.len(), "{text}");
    let count = format!(
        "{} of {} invitations found by 'varga'",
        vargas.len(),
        all.len()
    );
    assert!(text.contains(&count), "{text}");
    let none = db.ok(&["invitations", "--stale", "--find", "zzz"]);
    assert_eq!(none, "no stale invitation's name or message holds 'zzz'\n");

    // `withdraw --find` marks the pending ones a find finds (with --stale, the stale
    // ones): what `invitations --find` lists of them.
    let pending_found = |args: &[&str]| -> Vec<serde_json::Value> {
        let json = db.json(&[&["invitations", "--json"], args].concat());
        (json.as_array().unwrap().iter())
            .filter(|i| i["direction"] == "outgoing" && i["status"] == "pending")
            .cloned()
            .collect()
    };
    let marked = || {
        let pending = pending_found(&[]);
        pending
            .iter()
            .filter(|i| i["withdraw_planned"] == true)
            .count()
    };
    let stale_meetup = pending_found(&["--stale", "--find", "meetup"]).len();
    let said = db.ok(&["invitations", "withdraw", "--stale", "--find", "Meetup"]);
    assert!(
        said.starts_with(&format!(
            "marked {stale_meetup} invitations for withdrawal ({stale_meetup} stale found by 'Meetup')"
        )),
        "{said}"
    );
    assert_eq!(marked(), stale_meetup);
    let meetup = pending_found(&["--find", "meetup"]).len();
    assert!(meetup > stale_meetup);
    db.ok(&["invitations", "withdraw", "--find", "meetup"]);
    assert_eq!(marked(), meetup);
    let again = db.ok(&["invitations", "withdraw", "--find", "meetup"]);
    assert_eq!(
        again,
        format!("the {meetup} invitations found by 'meetup' are marked for withdrawal already\n")
    );
    let (code, _, err) = db.run(&["invitations", "withdraw", "--find", "zzz"]);
    assert!(code == 1 && err.contains("no pending invitation's name or message holds 'zzz'"));
    let before = marked();
    for nothing in ["", " | "] {
        let (code, _, err) = db.run(&["invitations", "withdraw", "--find", nothing]);
        assert!(code == 1 && err.contains("--find needs"), "{err}");
        assert_eq!(
            marked(),
            before,
            "a find of nothing marks nothing, not every one"
        );
    }
    let (code, _, _) = db.run(&["invitations", "withdraw", "--stale", "--to", "Aiko Varga"]);
    assert_eq!(code, 2, "--stale and --to are two different asks");
    let (code, _, err) = db.run(&["invitations", "withdraw", "--find", "x", "--days", "5"]);
    assert!(
        code == 2 && err.contains("--stale"),
        "--days is the stale age: {err}"
    );
}

/// `invitations withdraw --to` marks the pending invitation to one person (by name, case
/// and accents aside, or by profile URL), `invitations keep --to` takes it out of the plan
/// and `keep --all` empties the plan; two people of one name are told apart by URL.
#[test]
fn one_invitation_is_withdrawn_and_kept_by_name_or_url() {
    let db = Db::new();
    let owner = "Sam Owner,";
    let rows = [
        ("Aiko Várga", "10/01/26, 9:00 AM", "aiko-varga"),
        ("Maria Garcia", "10/02/26, 9:00 AM", "maria-garcia-1"),
        ("Maria Garcia", "10/02/26, 9:00 AM", "maria-garcia-2"),
    ];
    let mut csv =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    for (to, sent, slug) in rows {
        csv += &format!(
            "{owner}{to},\"{sent}\",,OUTGOING,https://www.linkedin.com/in/sam-owner,https://www.linkedin.com/in/{slug}\n"
        );
    }
    let file = write(&db, "Invitations.csv", csv.into_bytes());
    db.ok(&["import", &file]);
    let planned = || db.stats()["invitations"]["outgoing_withdraw_planned"].clone();
    let withdraw = |to: &str| db.ok(&["invitations", "withdraw", "--to", to]);

    assert!(withdraw("aiko varga").starts_with("marked 1 invitation for withdrawal"));
    assert!(withdraw("Aiko Várga").starts_with("the invitation to Aiko Várga is marked"));
    assert_eq!(planned(), 1);
    let (code, _, err) = db.run(&["invitations", "withdraw", "--to", "Maria Garcia"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("2 people named Maria Garcia")
            && err.contains("https://www.linkedin.com/in/maria-garcia-1, https://www.linkedin.com/in/maria-garcia-2"),
        "{err}"
    );
    withdraw("https://www.linkedin.com/in/Maria-Garcia-2/?trk=x");
    let plan = db.ok(&["export", "-o", "-", "--kind", "withdrawal-plan"]);
    assert!(
        plan.contains("maria-garcia-2") && !plan.contains("maria-garcia-1"),
        "{plan}"
    );

    // A name needs no quotes: its words are the values of --to.
    let out = db.ok(&["invitations", "keep", "--to", "AIKO", "VARGA"]);
    assert!(
        out.starts_with("unmarked 1 invitation for withdrawal"),
        "{out}"
    );
    assert_eq!(planned(), 1);
    let out = db.ok(&["invitations", "keep", "--all", "--dry-run"]);
    assert!(out.starts_with("unmarked 1 invitation"), "{out}");
    assert_eq!(planned(), 1, "a dry run stores nothing");
    db.ok(&["invitations", "keep", "--all"]);
    assert_eq!(planned(), 0);
    db.ok(&["undo"]);
    assert_eq!(planned(), 1);

    let (code, _, err) = db.run(&["invitations", "withdraw", "--to", "Nobody Here"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no pending invitation to 'Nobody Here' (`netcurate invitations` lists"),
        "{err}"
    );
    let (_, _, err) = db.run(&["invitations", "withdraw", "--to", "Aiko"]);
    assert!(
        err.contains("no pending invitation to 'Aiko' (did you mean Aiko Várga?)"),
        "{err}"
    );
    for args in [
        &["invitations", "withdraw"][..],
        &["invitations", "withdraw", "--stale", "--to", "Aiko Várga"],
        &[
            "invitations",
            "withdraw",
            "--to",
            "Aiko Várga",
            "--days",
            "30",
        ],
        &["invitations", "keep"],
        &["invitations", "keep", "--all", "--to", "Aiko Várga"],
    ] {
        assert_eq!(db.run(args).0, 2, "{args:?} is a usage error");
    }
}

#[test]
fn export_neutralises_formulas_and_keeps_the_text() {
    let db = Db::new();
    let hostile = ["=HYPERLINK(\"x\")", "+1+1", "-2", "@SUM(A1)", "\tTabbed"];
    let people: Vec<Person> = hostile
        .iter()
        .enumerate()
        .map(|(i, h)| person(&format!("h{i}"), h, &format!("{h} position")))
        .collect();
    let file = write(&db, "c.csv", synth::connections_csv(&people, Style::Y2026));
    db.ok(&["import", &file]);
    let out = db.ok(&["export", "-o", "-"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let mut seen = 0;
    for rec in reader.records() {
        let rec = rec.unwrap();
        for cell in rec.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "cell {cell:?}"
            );
        }
        let company = &rec[4];
        assert!(
            hostile.iter().any(|h| company == format!("'{h}")),
            "{company:?} keeps the text"
        );
        seen += 1;
    }
    assert_eq!(seen, 5);
}

#[test]
fn filtered_export_removal_plan_and_atomic_files() {
    let db = Db::with_demo();
    let globex = db
        .json(&["list", "--filter", "company:globex", "--json"])
        .as_array()
        .unwrap()
        .len();
    assert!(globex > 20);
    let path = db.file("globex.csv");
    let path_s = path.display().to_string();
    db.ok(&["export", "-o", &path_s, "--filter", "company:globex"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), globex + 1);
    // A file starts with a byte-order mark (Excel reads accents right); standard output,
    // a file asked without and a copy of LinkedIn's own file do not.
    let header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Score,Seniority,Tags,Decision";
    assert!(text.starts_with(&format!("\u{feff}{header}")), "{text}");
    let piped = db.ok(&["export", "-o", "-", "--filter", "company:globex"]);
    assert_eq!(piped, text.trim_start_matches('\u{feff}'));
    let bare = db.file("bare.csv").display().to_string();
    db.ok(&[
        "export",
        "-o",
        &bare,
        "--no-bom",
        "--filter",
        "company:globex",
    ]);
    assert_eq!(std::fs::read_to_string(&bare).unwrap(), piped);
    let linkedin = db.file("linkedin.csv").display().to_string();
    db.ok(&["export", "-o", &linkedin, "--kind", "linkedin"]);
    assert!(
        std::fs::read_to_string(&linkedin)
            .unwrap()
            .starts_with("First Name,")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            std::fs::metadata(&db.path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let (code, _, err) = db.run(&["export", "-o", &path_s, "--filter", "company:globex"]);
    assert_eq!(code, 1);
    assert!(err.contains("exists; use --force"), "{err}");
    // A folder that is not there: the error names the file asked for, not a temporary one.
    let missing = db.file("no-such-folder/out.csv").display().to_string();
    let (code, _, err) = db.run(&["export", "-o", &missing]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("{missing}: cannot write: the folder "))
            && err.contains("no-such-folder does not exist")
            && !err.contains(".out.csv."),
        "{err}"
    );
    db.ok(&["export", "-o", &path_s, "--force", "--kind", "linkedin"]);
    let linkedin = std::fs::read_to_string(&path).unwrap();
    assert!(
        linkedin
            .starts_with("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
    );
    db.ok(&["decide", "prune", "--filter", "company:globex"]);
    let plan = db.ok(&["export", "-o", "-", "--kind", "removal-plan"]);
    assert_eq!(plan.lines().count(), globex + 1);
    // A folder: the file in it is named for the kind and the day; once there, it is kept.
    let folder = db.file("plans");
    std::fs::create_dir(&folder).unwrap();
    let folder_s = folder.display().to_string();
    let (code, _, told) = db.run(&["export", "-o", &folder_s, "--kind", "removal-plan"]);
    let named = folder.join(format!("netcurate-removal-plan-{}.csv", common::AS_OF));
    assert_eq!(code, 0, "{told}");
    assert!(told.contains(&named.display().to_string()), "{told}");
    assert_eq!(
        std::fs::read_to_string(&named).unwrap(),
        format!("\u{feff}{plan}")
    );
    let (code, _, err) = db.run(&["export", "-o", &folder_s, "--kind", "removal-plan"]);
    assert!(code == 1 && err.contains("exists; use --force"), "{err}");
    // Contacts into the same folder: each file named for what chose them (a segment by its
    // name, a filter by its words), so that several lists go side by side.
    db.ok(&[
        "segments",
        "save",
        "Globex Team",
        "--filter",
        "company:globex",
    ]);
    for (args, name) in [
        (&["--segment", "Globex Team"][..], "globex-team"),
        (
            &["--filter", "company:\"blue sun\" -tag:x"],
            "company-blue-sun-tag-x",
        ),
        (&[], "contacts"),
    ] {
        let (code, _, told) = db.run(&[&["export", "-o", &folder_s][..], args].concat());
        let file = folder.join(format!("netcurate-{name}-{}.csv", common::AS_OF));
        assert!(
            code == 0 && told.contains(&file.display().to_string()),
            "{told}"
        );
        assert!(file.exists());
    }
    let scores: Vec<u32> = csv::Reader::from_reader(plan.as_bytes())
        .records()
        .map(|r| r.unwrap()[5].parse().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] <= w[1]),
        "lowest score first"
    );
    let reasons: Vec<String> = csv::Reader::from_reader(plan.as_bytes())
        .records()
        .map(|r| r.unwrap()[6].to_string())
        .collect();
    assert!(
        reasons
            .iter()
            .all(|r| r.contains("seniority") && r.contains(" = ")),
        "every row says why: {:?}",
        &reasons[..2]
    );
    let columns = db.ok(&[
        "export",
        "-o",
        "-",
        "--filter",
        "company:globex",
        "--columns",
        "First Name,URL,Score",
    ]);
    assert!(columns.starts_with("First Name,URL,Score\n"));
}

/// The columns beyond the default: what messages and a CRM file brought, by name.
#[test]
fn export_columns_carry_messages_and_enrichment() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    db.ok(&["import", &fixture("linkedin/hubspot.csv")]);
    let text = db.ok(&[
        "export",
        "-o",
        "-",
        "--filter",
        "name:\"rené sample\"",
        "--columns",
        "first name,Last Message On,Messages,Industry,Function",
    ]);
    assert_eq!(
        text,
        "First Name,Last Message On,Messages,Industry,Function\nRené,2025-10-31,2,Software,engineering\n"
    );
}

#[test]
fn export_then_import_round_trips() {
    let a = Db::new();
    a.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    a.ok(&["tag", "add", "round-trip", "--filter", "company:hooli"]);
    a.ok(&["tag", "add", "second", "--filter", "title:head"]);
    let file = a.file("out.csv");
    a.ok(&["export", "-o", &file.display().to_string()]);
    let b = Db::new();
    b.ok(&["import", &file.display().to_string()]);
    let fields = |db: &Db| -> Vec<serde_json::Value> {
        let mut v: Vec<serde_json::Value> = db
            .json(&["list", "--json", "--sort", "name"])
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                json!([
                    c["first_name"],
                    c["last_name"],
                    c["url_key"],
                    c["company"],
                    c["position"],
                    c["connected_on"],
                    c["tags"]
                ])
            })
            .collect();
        v.sort_by_key(|x| x.to_string());
        v
    };
    assert_eq!(fields(&a), fields(&b));
    assert_eq!(b.stats()["tags"], a.stats()["tags"]);
    // With ';' between cells (Excel in German, French…) and with tabs: the same. A .tsv
    // file is tab-separated by its name, unless told otherwise.
    for (name, delimiter, header) in [
        ("out-semicolon.csv", Some(";"), "First Name;Last Name;URL;"),
        ("out-tab.csv", Some("tab"), "First Name\tLast Name\t"),
        ("out.tsv", None, "First Name\tLast Name\t"),
        ("out-comma.TSV", Some(","), "First Name,Last Name,"),
    ] {
        let file = a.file(name);
        let path = file.display().to_string();
        let mut args = vec!["export", "-o", &path];
        args.extend(delimiter.iter().flat_map(|d| ["--delimiter", d]));
        a.ok(&args);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with(&format!("\u{feff}{header}")),
            "{name}: {text}"
        );
        let c = Db::new();
        c.ok(&["import", &path]);
        assert_eq!(fields(&a), fields(&c), "{name}");
    }
    let (code, _, err) = a.run(&["export", "-o", "-", "--delimiter", "|"]);
    assert!(code == 1 && err.contains("unknown delimiter '|'"), "{err}");
    // Texts a spreadsheet would run as formulas: the export writes them with a leading
    // "'", and an import of the export reads them as they were.
    let formulas = a.write(
        "formulas.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Eve,Sum,https://www.linkedin.com/in/eve-sum,,=SUM(1),-Founder,25 Nov 2024\n\
         Al,Plus,https://www.linkedin.com/in/al-plus,,@handle,+1 growth,25 Nov 2024\n",
    );
    let (f, g) = (Db::new(), Db::new());
    f.ok(&["import", &formulas.display().to_string()]);
    let exported = f.file("formulas-out.csv").display().to_string();
    f.ok(&["export", "-o", &exported]);
    assert!(
        std::fs::read_to_string(&exported)
            .unwrap()
            .contains(",'=SUM(1),'-Founder,")
    );
    g.ok(&["import", &exported]);
    assert_eq!(fields(&f), fields(&g));
    // A tag edited in a spreadsheet to hold '"' (which quotes filter values, so `tag add`
    // refuses it) imports with "'" instead, and a filter finds it.
    let edited = std::fs::read_to_string(&file)
        .unwrap()
        .replace(",round-trip,", ",\"say \"\"hi\"\"; second\",");
    let file = b.write("edited.csv", edited);
    let c = Db::new();
    c.ok(&["import", &file.display().to_string()]);
    let found = c.json(&["list", "--json", "--filter", "tag:\"say 'hi'\""]);
    let hooli = a.json(&["list", "--json", "--filter", "tag:round-trip"]);
    assert!(!hooli.as_array().unwrap().is_empty());
    assert_eq!(
        found.as_array().map(Vec::len),
        hooli.as_array().map(Vec::len)
    );
}

#[test]
fn pillars_reproduce_the_worked_example() {
    let db = Db::new();
    let mut people = Vec::new();
    for i in 0..150 {
        let slug = if i < 5 {
            format!("prune-vp-{i}")
        } else {
            format!("vp-{i}")
        };
        people.push(person(&slug, "Globex", "VP Engineering"));
    }
    for i in 0..40 {
        let slug = if i < 2 {
            format!("prune-col-{i}")
        } else {
            format!("col-{i}")
        };
        people.push(person(&slug, "Acme Widgets", "Software Engineer"));
    }
    for i in 0..1810 {
        let slug = if i < 593 {
            format!("prune-eng-{i}")
        } else {
            format!("eng-{i}")
        };
        people.push(person(&slug, "Initech", "Software Engineer"));
    }
    let mut ages: Vec<i64> = (0..100).map(|i| 22 + i).collect();
    ages.extend((0..30).map(|i| 1 + i % 20));
    let accepted: Vec<Person> = people.iter().skip(200).take(70).cloned().collect();
    let inv = synth::invitations(9, &accepted, &ages, 0, as_of());
    let c = write(
        &db,
        "Connections.csv",
        synth::connections_csv(&people, Style::Y2026),
    );
    let i = write(&db, "Invitations.csv", synth::invitations_csv(&inv));
    db.ok(&["--profile", &fixture("demo/profile.toml"), "import", &c, &i]);
    db.ok(&["decide", "prune", "--filter", "url:prune-"]);
    db.ok(&["invitations", "withdraw", "--stale"]);
    let none = db.ok(&["ssi", "list"]);
    assert!(
        none.starts_with("no SSI readings yet: `netcurate --db ")
            && none.contains(" ssi record --total "),
        "{none}"
    );
    db.ok(&[
        "ssi", "record", "--total", "50", "--brand", "15", "--frp", "5", "--engage", "15", "--br",
        "15",
    ]);
    let one = db.ok(&["ssi", "list"]);
    assert_eq!(one.lines().count(), 1, "{one}");
    assert!(
        one.contains("total  50.0") && one.contains("br 15.0"),
        "{one}"
    );
    let p = db.json(&["pillars", "--json"]);
    let f = &p["features"];
    assert_eq!(
        (
            f["before"]["connections"].clone(),
            f["before"]["vp_plus"].clone(),
            f["before"]["internal"].clone()
        ),
        (json!(2000), json!(150), json!(40))
    );
    assert_eq!(
        (
            f["after"]["connections"].clone(),
            f["after"]["vp_plus"].clone(),
            f["after"]["internal"].clone()
        ),
        (json!(1400), json!(145), json!(38))
    );
    assert_eq!(f["before"]["acceptance_rate"], 0.35);
    assert_eq!(f["after"]["acceptance_rate"], 0.7);
    assert_eq!(
        (f["before"]["pending"].clone(), f["before"]["stale"].clone()),
        (json!(130), json!(100))
    );
    assert_eq!(
        (f["after"]["pending"].clone(), f["after"]["stale"].clone()),
        (json!(30), json!(0))
    );
    let br = &p["build_relationships"];
    assert_eq!(
        (
            br["baseline"].clone(),
            br["low"].clone(),
            br["high"].clone()
        ),
        (json!(15.0), json!(14.49), json!(18.88))
    );
    assert_eq!(br["direction"], "uncertain");
    let deltas: Vec<f64> = br["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["delta"].as_f64().unwrap())
        .collect();
    assert_eq!(deltas, vec![-0.51, 1.68, 1.69, 3.88]);
    assert_eq!(p["find_right_people"]["low"], 5.0);
    assert_eq!(
        p["disclaimer"],
        "Estimate from public information; LinkedIn does not publish the SSI formula."
    );
    db.ok(&["export", "-o", "-", "--kind", "removal-plan"]);
    let human = db.ok(&["pillars"]);
    assert!(
        human.contains("Build relationships: 15.0 → 14.5 … 18.9  direction uncertain"),
        "{human}"
    );
    assert!(
        human.contains("projected BR -0.5…+3.9 on 2026-11-01, no reading since"),
        "{human}"
    );
    db.ok(&["pillars", "--set", "kappa=0.5"]);
    assert_eq!(db.json(&["pillars", "--json"])["assumptions"]["kappa"], 0.5);
    // The same plan written again logs nothing new; a week of plans, the latest few.
    db.ok(&["export", "-o", "-", "--kind", "removal-plan"]);
    let logged = |db: &Db| -> Vec<String> {
        let human = db.ok(&["pillars"]);
        (human.lines().map(str::trim))
            .filter(|l| l.starts_with("projected BR") || l.ends_with("logged before these)"))
            .map(String::from)
            .collect()
    };
    assert_eq!(logged(&db).len(), 2, "kappa 1, then 0.5: {:?}", logged(&db));
    for kappa in ["0.6", "0.7", "0.8", "0.9", "1.1"] {
        db.ok(&["pillars", "--set", &format!("kappa={kappa}")]);
        db.ok(&["export", "-o", "-", "--kind", "removal-plan"]);
    }
    let lines = logged(&db);
    assert_eq!(lines.len(), 6, "{lines:?}");
    assert_eq!(lines[0], "(2 projections logged before these)");
}

/// A first import without a profile says how to get scores; once a profile is stored,
/// imports do not repeat it.
#[test]
fn an_import_without_a_profile_says_how_to_score() {
    let db = Db::new();
    let connections = fixture("linkedin/2026/Connections.csv");
    let out = db.ok(&["import", &connections]);
    assert!(out.contains("not scored yet"), "{out}");
    assert!(
        out.contains("netcurate profile init -o audience.toml"),
        "{out}"
    );
    // A filter on scores says why it finds no one yet.
    let listed = db.ok(&["list", "--filter", "score:<40"]);
    assert!(
        listed.ends_with(&format!(
            "0 of 42 contacts: no contact is scored yet: `{}` scores them\n",
            db.command_line("score --profile FILE")
        )),
        "{listed}"
    );
    // So does one on what only other files or a later import bring.
    for (filter, why) in [
        (
            "flag:warm",
            "no messages imported yet (messages.csv, in your LinkedIn export",
        ),
        (
            "added:>=7d",
            "no import has added connections yet (a first import's are",
        ),
        (
            "location:berlin",
            "no contact has a location (a contact CSV",
        ),
    ] {
        let listed = db.ok(&["list", "--filter", filter]);
        assert!(
            listed.starts_with(&format!("0 of 42 contacts: {why}")),
            "{filter}: {listed}"
        );
    }
    // A filter may start with a negated term (it is not taken for an option).
    assert!(
        db.ok(&["list", "--filter", "-score:<40"])
            .ends_with("42 of 42 contacts\n")
    );
    for command in [&["decide", "keep"][..], &["tag", "add", "x"]] {
        db.ok(&[command, &["--filter", "-tag:none", "--dry-run"]].concat());
    }
    db.ok(&["segments", "save", "s", "--filter", "-tag:none"]);
    db.ok(&["export", "-o", "-", "--filter", "-tag:none"]);
    let explained = db.ok(&["explain", "1"]);
    assert!(
        explained.contains(&format!(
            "  score: none yet (run `{}`)\n",
            db.command_line("score --profile FILE")
        )),
        "{explained}"
    );
    let out = db.ok(&[
        "--profile",
        &fixture("demo/profile.toml"),
        "import",
        &connections,
    ]);
    assert!(!out.contains("not scored yet"), "{out}");
    let out = db.ok(&["import", &connections]);
    assert!(
        !out.contains("not scored yet"),
        "the stored profile scores: {out}"
    );
}

/// `score` with a changed profile says how many scores changed: exactly those whose
/// score is not what it was; the same profile again changes none.
#[test]
fn score_says_how_many_scores_changed() {
    let db = Db::with_demo();
    let before = db.scores();
    let path = db.changed_fixture(
        "demo/profile.toml",
        "target = [\"VP Engineering\",",
        "target = [\"VP Engineering\", \"Product Designer\",",
        "changed.toml",
    );
    let out = db.ok(&["--profile", &path, "score"]);
    let after = db.scores();
    let n = before.iter().filter(|(id, s)| after[id] != **s).count();
    assert!(n > 0);
    assert!(
        out.contains(&format!(": {n} scores changed\nto take it back: ")),
        "{n}: {out}"
    );
    let out = db.ok(&["--profile", &path, "score"]);
    assert!(out.ends_with(": 0 scores changed\n"), "{out}");
    // Without --profile, the stored one scores again.
    let out = db.ok(&["score"]);
    assert!(
        out.starts_with("scored 2000 contacts with profile '"),
        "{out}"
    );
    assert!(out.ends_with(": 0 scores changed\n"), "{out}");
    let none = Db::new();
    none.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let (code, _, err) = none.run(&["score"]);
    assert!(
        code == 1
            && err.contains(&format!(
                "no profile yet: `{}` scores",
                none.command_line("score --profile FILE")
            )),
        "{err}"
    );
}

/// A changed profile is one step of the history: `undo` brings back the profile and the
/// scores it gave, `redo` the new ones; the import before it comes next, taken back only
/// by `undo --import` (the profile given with the first import came before it).
#[test]
fn a_profile_change_is_undone_with_its_scores() {
    let db = Db::with_demo();
    let (before, shown_before) = (db.scores(), db.ok(&["profile", "show"]));
    assert!(
        shown_before.contains("Platform engineering leaders"),
        "{shown_before}"
    );
    let path = db.changed_fixture(
        "demo/profile.toml",
        "\"Stark Cloud\", \"Hooli\"",
        "\"Initech\"",
        "changed.toml",
    );
    db.ok(&["--profile", &path, "score"]);
    let after = db.scores();
    assert_ne!(after, before);

    assert_eq!(db.ok(&["undo"]), "undid: changed the audience profile\n");
    assert_eq!(db.scores(), before);
    assert_eq!(db.ok(&["profile", "show"]), shown_before);
    assert_eq!(db.ok(&["redo"]), "redid: changed the audience profile\n");
    assert_eq!(db.scores(), after);
    assert!(db.ok(&["profile", "show"]).contains("\"Initech\""));

    db.ok(&["undo"]);
    let next = db.ok(&["undo"]);
    assert!(next.contains(" undo --import` takes back"), "{next}");
    assert_eq!(db.scores(), before, "the import and its scores stay");
    db.ok(&["undo", "--import"]);
    assert_eq!(db.stats()["connections"], 0);
    assert_eq!(db.ok(&["undo"]), "undid: changed the audience profile\n");
    let (code, _, err) = db.run(&["profile", "show"]);
    assert!(
        code == 1
            && err.contains(&format!(
                "no profile stored yet; run `{}`",
                db.command_line("score --profile FILE")
            )),
        "{code} {err}"
    );
}

/// An SSI reading and the pillar assumptions are steps too: a mistyped reading is taken
/// back by `undo`, the assumptions come back as they were, and `redo` does both again.
#[test]
fn an_ssi_reading_and_the_assumptions_are_undone_and_redone() {
    let db = Db::with_demo();
    let record = [
        "ssi", "record", "--total", "61", "--brand", "14", "--frp", "12", "--engage", "16", "--br",
        "19",
    ];
    let said = db.ok(&record);
    assert!(said.contains("to take it back: "), "{said}");
    assert!(!said.contains("note:"), "14 + 12 + 16 + 19 = 61: {said}");
    let with_reading = db.ok(&["ssi", "list"]);
    assert!(with_reading.contains("total  61.0"), "{with_reading}");
    let k_vp = |db: &Db| db.json(&["pillars", "--json"])["assumptions"]["k_vp"].clone();
    let said = db.ok(&["pillars", "--set", "k_vp=70"]);
    assert!(said.starts_with("set k_vp=70\nto take it back: "), "{said}");
    assert_eq!(k_vp(&db), 70.0);

    assert_eq!(db.ok(&["undo"]), "undid: changed the pillar assumptions\n");
    assert_eq!(k_vp(&db), 50.0);
    assert_eq!(
        db.ok(&["undo"]),
        "undid: recorded the SSI reading of 2026-11-01 (SSI 61)\n"
    );
    assert!(db.ok(&["ssi", "list"]).contains("no SSI readings yet"));
    db.ok(&["redo"]);
    db.ok(&["redo"]);
    assert_eq!(db.ok(&["ssi", "list"]), with_reading);
    assert_eq!(k_vp(&db), 70.0);
    let readings = db.json(&["ssi", "list", "--json"]);
    let last = readings.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["date"].clone(), last["total"].clone()),
        (json!("2026-11-01"), json!(61.0))
    );
    // A pillar mistyped (19 as 9) is recorded, and said: the pillars add up to 51, not 61.
    let mistyped = [&record[..11], &["9"]].concat();
    let said = db.ok(&mistyped);
    assert!(
        said.contains("\nnote: the four pillars add up to 51, not 61: LinkedIn's total is their sum, so one may be mistyped\nto take it back: "),
        "{said}"
    );
}

/// `segments` lists each tag and saved filter with the workbench's figures; `segments
/// save`, `delete` and `rename` change them as undoable steps; a filter that does not
/// parse is not saved, and deleting or renaming an unknown name says which are saved.
#[test]
fn segments_are_listed_saved_renamed_and_deleted() {
    let db = Db::with_demo();
    let empty = db.ok(&["segments"]);
    assert!(empty.starts_with("no tags or saved filters yet"), "{empty}");
    db.ok(&["tag", "add", "eu leads", "--filter", "company:hooli"]);
    let said = db.ok(&[
        "segments",
        "save",
        "vp hooli",
        "--filter",
        "company:hooli seniority:>=vp",
    ]);
    let vps = db.json(&["list", "--json", "--filter", "company:hooli seniority:>=vp"]);
    let n = vps.as_array().unwrap().len();
    assert!(
        said.starts_with(&format!("saved segment 'vp hooli' ({n} contacts)\n")),
        "{said}"
    );
    let (code, _, err) = db.run(&["segments", "save", "bad", "--filter", "score:<x"]);
    assert!(code == 1 && err.contains("'x' is not a number"), "{err}");

    let listed = db.json(&["segments", "--json"]);
    let names: Vec<_> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["name"])
        .collect();
    assert_eq!(names, ["#eu leads", "vp hooli"]);
    let vp = &listed[1];
    assert_eq!(vp["query"], "company:hooli seniority:>=vp");
    assert_eq!(vp["count"], n);
    assert_eq!(vp["vp_share"], 100.0);
    let mean = (vps.as_array().unwrap().iter())
        .map(|c| c["score"].as_f64().unwrap())
        .sum::<f64>()
        / n as f64;
    assert!((vp["mean_score"].as_f64().unwrap() - mean).abs() < 1e-9);
    let text = db.ok(&["segments"]);
    assert!(
        text.lines()
            .any(|l| l.starts_with("vp hooli") && l.contains("100%")),
        "{text}"
    );
    // A segment by its name, for list and export: a saved filter, or #tag; with
    // --filter, the contacts of both.
    let by_name = db.json(&["list", "--json", "--segment", "vp hooli"]);
    assert_eq!(by_name, vps);
    let tagged_vps = db.json(&[
        "list",
        "--json",
        "--segment",
        "#eu leads",
        "--filter",
        "seniority:>=vp",
    ]);
    assert_eq!(tagged_vps, vps, "the eu leads are Hooli's");
    let exported = db.ok(&[
        "export",
        "-o",
        "-",
        "--segment",
        "vp hooli",
        "--columns",
        "URL",
    ]);
    let mut urls: Vec<&str> = (vps.as_array().unwrap().iter())
        .map(|c| c["url"].as_str().unwrap())
        .collect();
    let mut rows: Vec<&str> = exported.lines().collect();
    assert_eq!(rows.remove(0), "URL");
    urls.sort();
    rows.sort();
    assert_eq!(rows, urls);
    // tag and decide take a segment too; one of --filter and --segment is needed.
    let said = db.ok(&["decide", "protect", "--segment", "vp hooli"]);
    assert!(
        said.starts_with(&format!("set {n} contacts to protect")),
        "{said}"
    );
    let protected = db.json(&["list", "--json", "--filter", "decision:protect"]);
    assert_eq!(protected.as_array().unwrap().len(), n);
    db.ok(&["undo"]);
    let (code, _, err) = db.run(&["tag", "add", "vip"]);
    assert!(code == 2 && err.contains("--filter <QUERY>"), "{err}");
    let (code, _, err) = db.run(&["export", "-o", "-", "--segment", "eu leads"]);
    assert!(
        code == 1 && err.contains("(saved: 'vp hooli'); for a tag, say #TAG"),
        "{err}"
    );

    let (code, _, err) = db.run(&["segments", "delete", "vp"]);
    assert!(code == 1 && err.contains("(saved: 'vp hooli')"), "{err}");
    let (code, _, err) = db.run(&["segments", "delete", "#eu leads"]);
    let remove = "tag remove 'eu leads' --filter 'tag:\"eu leads\"'";
    assert!(code == 1 && err.contains(remove), "{err}");
    db.ok(&["segments", "delete", "vp hooli"]);
    assert_eq!(
        db.json(&["segments", "--json"]).as_array().unwrap().len(),
        1
    );
    assert_eq!(db.ok(&["undo"]), "undid: deleted segment 'vp hooli'\n");
    assert_eq!(db.json(&["segments", "--json"]), listed);

    // Renamed, a tag moves on every contact that has it and a saved filter keeps its
    // query, each as one step undo takes back whole.
    let said = db.ok(&["segments", "rename", "#eu leads", "#emea leads"]);
    assert!(
        said.starts_with("renamed tag 'eu leads' to 'emea leads' on "),
        "{said}"
    );
    db.ok(&["segments", "rename", "vp hooli", "Hooli VPs"]);
    let names = |db: &Db| -> Vec<String> {
        let segments = db.json(&["segments", "--json"]);
        (segments.as_array().unwrap().iter())
            .map(|s| format!("{} {} {}", s["name"], s["query"], s["count"]))
            .collect()
    };
    let renamed = names(&db);
    let before: Vec<String> = (listed.as_array().unwrap().iter())
        .map(|s| format!("{} {} {}", s["name"], s["query"], s["count"]))
        .collect();
    assert_eq!(
        renamed,
        [
            before[0].replace("eu leads", "emea leads"),
            before[1].replace("\"vp hooli\"", "\"Hooli VPs\""),
        ]
    );
    let (code, _, err) = db.run(&["segments", "rename", "#eu leads", "x"]);
    assert!(
        code == 1 && err.contains("no contact has tag 'eu leads'"),
        "{err}"
    );
    let (code, _, err) = db.run(&["segments", "rename", "vp hooli", "x"]);
    assert!(
        code == 1 && err.contains("(saved: 'Hooli VPs'); for a tag, say #TAG"),
        "{err}"
    );
    db.ok(&["undo"]);
    db.ok(&["undo"]);
    assert_eq!(db.json(&["segments", "--json"]), listed);

    // A tag taken off the last contacts that have it: the saved filters asking for it
    // are named, as finding no one then; taken off some of them, nothing is said.
    db.ok(&[
        "segments",
        "save",
        "eu team",
        "--filter",
        "tag:\"eu leads\"",
    ]);
    let emptied = "then saved filter 'eu team' finds no one: no contact has tag 'eu leads'";
    let some = ["tag", "remove", "eu leads", "--filter", "seniority:>=vp"];
    let said = db.ok(&some);
    assert!(said.starts_with("removed tag 'eu leads' from ") && !said.contains(emptied));
    let all = [
        "tag",
        "remove",
        "eu leads",
        "--segment",
        "#eu leads",
        "--dry-run",
    ];
    let said = db.ok(&all);
    assert!(said.contains(emptied), "{said}");
    assert!(db.ok(&all[..5]).contains(emptied));
}

/// `list` fits its lines to the terminal ($COLUMNS here): names stay whole, titles and
/// companies narrow in proportion and stay lined up, tags are cut at the edge; into a pipe
/// every cell keeps its width.
#[test]
fn list_fits_its_lines_to_the_terminal() {
    let db = Db::with_demo();
    let filter = ["--filter", "seniority:>=vp"];
    db.ok(&[["tag", "add", "board-level-prospects"].as_slice(), &filter].concat());
    let list_in = |columns: Option<&str>| {
        let mut command = db.command(&[["list", "--limit", "40"].as_slice(), &filter].concat());
        if let Some(c) = columns {
            command.env("COLUMNS", c);
        }
        let output = command.output().expect("run netcurate");
        assert!(output.status.success());
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let width = |l: &str| unicode_width::UnicodeWidthStr::width(l);
    let names = db.names(&[["--limit", "40"].as_slice(), &filter].concat());
    for columns in [80, 100] {
        let out = list_in(Some(&columns.to_string()));
        assert!(
            out.lines().all(|l| width(l) <= columns),
            "{columns}:\n{out}"
        );
        let lines: Vec<&str> = out.lines().collect();
        let at = lines[0].find("company").unwrap();
        let company_at = |l: &str| width(&l[..l.char_indices().nth(at).unwrap().0]);
        assert!(
            lines[1..40]
                .iter()
                .all(|l| company_at(l) == company_at(lines[0]))
        );
        assert!(out.contains('…'), "long titles are cut: {out}");
        for name in &names {
            assert!(
                out.contains(name.as_str()),
                "{name} whole at {columns}:\n{out}"
            );
        }
        let seniority = lines[0].contains("seniority");
        assert_eq!(seniority, columns >= 100, "seniority goes below 100: {out}");
    }
    let piped = list_in(None);
    assert!(piped.contains("board-level-prospects"), "{piped}");
    assert!(piped.lines().next().unwrap().ends_with("decision  tags"));
    // No contact listed has tags: no tags column, not a header cut to "t…" at the edge.
    let mut untagged = db.command(&["list", "--filter=-tag:board-level-prospects"]);
    let out = untagged.env("COLUMNS", "80").output().unwrap();
    let header = String::from_utf8(out.stdout).unwrap();
    let header = header.lines().next().unwrap();
    assert!(header.ends_with("decision"), "{header}");
    assert!(piped.lines().any(|l| width(l) > 100), "{piped}");
    assert_eq!(list_in(Some("400")), piped, "a wide terminal shows it all");
}

/// `list` prints a header, one aligned row per contact and what was left out.
#[test]
fn list_prints_a_table_and_says_what_it_left_out() {
    let db = Db::with_demo();
    db.ok(&["tag", "add", "hooli", "--filter", "company:hooli"]);
    let out = db.ok(&["list", "--filter", "company:hooli", "--limit", "2"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].split_whitespace().eq([
        "id",
        "score",
        "name",
        "position",
        "company",
        "seniority",
        "decision",
        "tags"
    ]));
    let matching = db
        .json(&["list", "--filter", "company:hooli", "--json"])
        .as_array()
        .unwrap()
        .len();
    assert_eq!(
        lines[3],
        format!("2 shown of {matching} matching, 2000 contacts")
    );
    // Columns line up: each row's company starts where the header's does.
    let at = lines[0].find("company").unwrap();
    assert!(
        lines[1..3].iter().all(|l| l.chars().nth(at) == Some('H')),
        "{out}"
    );
    assert!(out.lines().all(|l| l == l.trim_end()), "no trailing spaces");
    // The decision column: '-' undecided, else the decision.
    let at = lines[0].find("decision").unwrap();
    let decision_of = |line: &str| {
        let rest: String = line.chars().skip(at).collect();
        rest.split_whitespace().next().map(str::to_string)
    };
    assert_eq!(decision_of(lines[1]).as_deref(), Some("-"));
    db.ok(&["decide", "prune", "--filter", "company:hooli"]);
    let out = db.ok(&["list", "--filter", "company:hooli", "--limit", "2"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(decision_of(lines[1]).as_deref(), Some("prune"), "{out}");
    // Nobody matches a misspelt tag: the list says why, with the tag meant.
    for args in [["--filter", "tag:hoolli"], ["--segment", "#hoolli"]] {
        assert_eq!(
            db.ok(&[["list"].as_slice(), &args].concat()),
            "0 of 2000 contacts: no contact is tagged 'hoolli' (did you mean hooli?)\n"
        );
    }
    assert_eq!(
        db.ok(&["list", "--filter", "tag:hooli hooly"]),
        "0 of 2000 contacts: no name, title or company has a word starting with 'hooly' (did you mean hooli?)\n"
    );
    assert_eq!(
        db.ok(&["list", "--filter", "title:ctoo tag:hooli"]),
        "0 of 2000 contacts: no title has a word starting with 'ctoo' (did you mean cto?)\n"
    );
    assert_eq!(
        db.ok(&["list", "--filter", "tag:hooli wonka"]),
        "0 of 2000 contacts\n",
        "each term finds someone, only not together"
    );
    // So do changes and exports that find nobody, and removing a tag nobody has.
    let why = "no contact is tagged 'hoolli' (did you mean hooli?)";
    for (args, said) in [
        (
            ["decide", "keep", "--filter", "tag:hoolli"].as_slice(),
            "(0 matched, 0 unchanged or protected)",
        ),
        (&["tag", "add", "x", "--segment", "#hoolli"], "(0 matched)"),
        (
            &["tag", "remove", "hoolli", "--filter", "company:hooli"],
            "from 0 contacts (",
        ),
    ] {
        let out = db.ok(args);
        let first = out.lines().next().unwrap_or_default();
        assert!(first.contains(said), "{args:?}: {out}");
        assert_eq!(out.lines().nth(1), Some(why), "{args:?}: {out}");
    }
    let (code, _, err) = db.run(&["export", "-o", "-", "--filter", "tag:hoolli"]);
    assert_eq!((code, err), (0, format!("{why}\n")));
}

/// `netcurate list | head`, `netcurate export -o - | head`: when the reader stops,
/// netcurate stops quietly and succeeds.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader, Read};
    let db = Db::with_demo();
    for args in [["list", "--sort", "name"], ["export", "-o", "-"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_netcurate"))
            .arg("--db")
            .arg(&db.path)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut first = String::new();
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        out.read_line(&mut first).expect("first line");
        assert!(!first.trim().is_empty());
        drop(out);
        let status = child.wait().expect("wait");
        let mut err = String::new();
        (child.stderr.take().expect("stderr"))
            .read_to_string(&mut err)
            .expect("stderr");
        assert_eq!(err, "", "{args:?}");
        assert!(status.success(), "{args:?}: {status:?}");
    }
}

#[test]
fn bad_input_is_one_clear_line_with_exit_1() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let bad_profile = db.write("bad.toml", "[seniority]\nmin = \"boss\"\n");
    let misspelt_profile = db.write("misspelt.toml", "# mine\nname = \"x\"\ntreshold = 70\n");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["list".into(), "--filter".into(), "score:lots".into()],
            "score:lots",
        ),
        (
            vec!["list".into(), "--filter".into(), "colour:red".into()],
            "unknown field 'colour'",
        ),
        (
            vec!["list".into(), "--filter".into(), "senority:>=vp".into()],
            "unknown field 'senority' (did you mean seniority?)",
        ),
        (
            vec!["list".into(), "--sort".into(), "-scor".into()],
            "unknown sort key 'scor' (did you mean score?)",
        ),
        (
            vec![
                "score".into(),
                "--profile".into(),
                misspelt_profile.display().to_string(),
            ],
            "line 3: unknown key 'treshold' (did you mean threshold?)",
        ),
        (
            vec![
                "score".into(),
                "--profile".into(),
                bad_profile.display().to_string(),
            ],
            "line 2: unknown seniority tier 'boss'",
        ),
        (
            vec![
                "ssi", "record", "--total", "50", "--brand", "30", "--frp", "5", "--engage", "5",
                "--br", "5",
            ]
            .into_iter()
            .map(String::from)
            .collect(),
            "--brand 30 is outside 0–25",
        ),
        (vec!["explain".into(), "nobody".into()], "no contact"),
        (
            vec![
                "export".into(),
                "-o".into(),
                "-".into(),
                "--kind".into(),
                "poster".into(),
            ],
            "unknown export kind",
        ),
    ];
    for (args, needle) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = db.run(&args);
        assert_eq!(code, 1, "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    // The reason is said once, in a user's words, not again as the system's.
    let missing = db.file("missing.csv").display().to_string();
    let (code, _, err) = db.run(&["import", &missing]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!("netcurate: {missing}: no such file or folder\n")
    );
    let missing = db.file("missing.toml").display().to_string();
    let (code, _, err) = db.run(&["--profile", &missing, "stats"]);
    assert_eq!(code, 1);
    let said = format!("netcurate: reading the profile: {missing}: no such file or folder\n");
    assert_eq!(err, said);
    let (code, _, _) = db.run(&["no-such-command"]);
    assert_eq!(code, 2, "usage errors are clap's exit 2");
}

/// The copies of the database kept beside it for undoing an import.
fn import_copies(db: &Db) -> usize {
    std::fs::read_dir(db.dir.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().contains(".before-import.")
        })
        .count()
}

/// `undo --import` takes back the latest import whole, once every change made after it is
/// undone; `undo` then goes on with the steps before it. One copy is kept, for the latest
/// import only.
#[test]
fn undo_import_takes_back_the_latest_import() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    db.ok(&["tag", "add", "vip", "--filter", "company:hooli"]);
    let before = (db.stats(), db.ok(&["list", "--json"]));
    db.ok(&["import", &fixture("linkedin/hubspot.csv")]);
    assert_eq!(import_copies(&db), 1);
    assert_ne!(db.stats(), before.0, "the CSV added contacts");
    // A step after the import is undone first, then the import.
    db.ok(&["decide", "keep", "--filter", "company:hooli"]);
    // The history lists the import between the steps before and after it, and says what
    // undo takes back next; then the imports kept before it.
    let history = || {
        let out = db.ok(&["history"]);
        let lines: Vec<String> = (out.lines())
            .take_while(|l| !l.is_empty())
            .map(String::from)
            .collect();
        let (when, what): (Vec<&str>, Vec<&str>) = lines.iter().map(|l| l.split_at(18)).unzip();
        let when: Vec<String> = when.iter().map(|w| w.trim().to_string()).collect();
        (when, what.iter().map(|w| w.to_string()).collect::<Vec<_>>())
    };
    let (when, what) = history();
    assert_eq!(when.len(), 3, "{what:?}");
    assert!(
        what[0].starts_with("set ") && what[0].ends_with(" undo` takes it back next"),
        "{what:?}"
    );
    assert!(
        what[1].starts_with("the import of hubspot.csv (")
            && what[1]
                .ends_with(" undo --import` takes it back once the changes after it are undone"),
        "{what:?}"
    );
    assert!(
        what[2].starts_with("tagged ") && what[2].ends_with(" 'vip'"),
        "{what:?}"
    );
    // Every line to the minute by the clock, the import's too (it showed its day alone,
    // and that day was --as-of's), so that they read in order, newest first.
    let minute = |w: &str| chrono::NaiveDateTime::parse_from_str(w, "%Y-%m-%d %H:%M").ok();
    let minutes: Vec<_> = when.iter().map(|w| minute(w)).collect();
    assert!(minutes.iter().all(Option::is_some), "{when:?}");
    assert!(minutes.windows(2).all(|w| w[0] >= w[1]), "{when:?}");
    // Below, the imports kept before it: what each brought (the time, then the import).
    let earlier = |out: &str| -> Vec<String> {
        let mut lines = out.lines().skip_while(|l| !l.is_empty()).skip(1);
        let title = lines.next().unwrap_or_default().to_string();
        let runs = lines.map(|l| l.get(18..).unwrap_or(l).to_string());
        std::iter::once(title).chain(runs).collect()
    };
    assert_eq!(
        earlier(&db.ok(&["history"])),
        [
            "earlier imports, kept (only the latest can be taken back):",
            "the import of 2026/ (42 new, 13 invitations added)"
        ]
    );
    let (code, _, err) = db.run(&["undo", "--import"]);
    assert!(code == 1 && err.contains("still done (1)"), "{err}");
    assert!(db.ok(&["undo"]).starts_with("undid: set"));
    let (_, what) = history();
    // The commands to paste name the database (not the default one here).
    let redo = format!(
        " to keep — undone: `{}` brings it back",
        db.command_line("redo")
    );
    assert!(
        what[0].starts_with("set ") && what[0].ends_with(&redo),
        "{what:?}"
    );
    assert!(
        what[1].ends_with(" undo --import` takes it back next"),
        "{what:?}"
    );
    assert!(!what[2].contains('—'), "{what:?}");
    assert_eq!(
        db.ok(&["history", "--limit", "1"])
            .lines()
            .take_while(|l| !l.is_empty())
            .last(),
        Some("1 more: --limit 2")
    );
    // A limit that leaves out the steps made after the import leaves it out too.
    assert_eq!(db.ok(&["history", "--limit", "0"]), "2 more: --limit 2\n");
    let out = db.ok(&["undo", "--import"]);
    assert!(
        out.starts_with("undid the import of hubspot.csv on "),
        "{out}"
    );
    assert_eq!((db.stats(), db.ok(&["list", "--json"])), before);
    assert_eq!(import_copies(&db), 0);
    let out = db.ok(&["undo"]);
    assert!(
        out.starts_with("undid: tagged"),
        "then the steps before it: {out}"
    );
    assert_eq!(
        db.ok(&["undo"]).trim(),
        "nothing to undo",
        "the first import's copy went"
    );
    let (code, _, err) = db.run(&["undo", "--import"]);
    assert!(code == 1 && err.contains("no import to take back"), "{err}");
    let out = db.ok(&["history"]);
    assert!(out.contains(" redo` brings it back\n\n"), "{out}");
    assert_eq!(
        earlier(&out),
        [
            "imports, kept (none can be taken back now):",
            "the import of 2026/ (42 new, 13 invitations added)"
        ]
    );
}

/// With another netcurate holding the database open (its write-ahead log in use), the
/// copy is taken through SQLite, and the undo is as exact.
#[test]
fn undo_of_an_import_while_the_database_is_open_elsewhere() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    let other = rusqlite::Connection::open(&db.path).unwrap();
    other
        .query_row("SELECT COUNT(*) FROM contacts", [], |r| r.get::<_, i64>(0))
        .unwrap();
    db.ok(&["tag", "add", "vip", "--filter", "company:hooli"]);
    let wal = std::fs::metadata(format!("{}-wal", db.path.display())).map_or(0, |m| m.len());
    assert!(wal > 0, "the log is in use");
    let before = (db.stats(), db.ok(&["list", "--json"]));
    db.ok(&["import", &fixture("linkedin/hubspot.csv")]);
    let out = db.ok(&["undo", "--import"]);
    assert!(
        out.starts_with("undid the import of hubspot.csv on "),
        "{out}"
    );
    assert_eq!((db.stats(), db.ok(&["list", "--json"])), before);
    let seen: i64 = other
        .query_row("SELECT COUNT(*) FROM tags WHERE tag = 'vip'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(seen > 0, "the open connection reads the restored database");
}

/// `completions bash` prints a script that completes commands, their flags and their
/// values in a real bash (without touching any database).
#[test]
fn bash_completion_completes_commands_flags_and_values() {
    let db = Db::new();
    let script = db.write("netcurate.bash", db.ok(&["completions", "bash"]));
    let complete = |words: &[&str]| {
        let line = words.join(" ");
        let program = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
             _netcurate netcurate '{}' '{}'; echo \"${{COMPREPLY[*]}}\"",
            script.display(),
            words
                .iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join(" "),
            words.len() - 1,
            words[words.len() - 1],
            words[words.len() - 2],
        );
        let out = std::process::Command::new("bash")
            .args(["--norc", "-c", &program])
            .output()
            .expect("bash");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    assert_eq!(complete(&["netcurate", "imp"]), "import");
    assert_eq!(complete(&["netcurate", "import", "--d"]), "--dry-run --db");
    assert!(complete(&["netcurate", "decide", ""]).ends_with("keep prune protect reset"));
    assert!(complete(&["netcurate", "import", "--m"]).contains("--map"));
    assert!(!db.path.exists(), "no database made");
}

/// Pruning colleagues (contacts at the profile's `my_companies`) says how many there were:
/// internal connections count for Build relationships. Other decisions do not.
#[test]
fn decide_prune_counts_the_colleagues_it_marks() {
    let db = Db::with_demo();
    let acme = "company:\"acme widgets\"";
    let n = db
        .json(&["list", "--json", "--filter", acme])
        .as_array()
        .unwrap()
        .len();
    assert!(n > 1);
    let out = db.ok(&["decide", "prune", "--filter", &format!("{acme} score:<30")]);
    let pruned = db.stats()["decisions"]["prune"].as_u64().unwrap();
    assert!(pruned > 0);
    assert!(
        out.contains(&format!(
            "\n  {pruned} of them colleagues (at your companies)"
        )),
        "{out}"
    );
    let other = db.ok(&["decide", "prune", "--filter", "company:hooli"]);
    assert!(!other.contains("colleagues"), "{other}");
    let keep = db.ok(&["decide", "keep", "--filter", acme]);
    assert!(!keep.contains("colleagues"), "{keep}");
}

/// `profile init` before any import still prints a profile to fill in, and says on
/// stderr why it suggests nothing, with the command that imports; after an import, not.
#[test]
fn profile_init_before_an_import_says_the_draft_is_empty() {
    let db = Db::new();
    let empty = "the draft suggests no titles or companies: no connections are imported yet";
    let (code, printed, err) = db.run(&["profile", "init"]);
    assert_eq!(code, 0, "{err}");
    assert!(printed.contains("target = []"), "{printed}");
    assert!(err.contains(empty) && err.contains("import FILE"), "{err}");
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let (_, printed, err) = db.run(&["profile", "init"]);
    assert!(
        !err.contains(empty) && !printed.contains("target = []"),
        "{err}"
    );
}

/// `profile init` drafts a profile from the network that `score` accepts as it is: printed,
/// or with `-o -` printed too (as `export -o -`), never written to a file named "-"; with
/// `-o FILE`, written there and never over an existing file.
#[test]
fn profile_init_drafts_a_profile_score_accepts() {
    let db = Db::with_demo();
    let printed = db.ok(&["profile", "init"]);
    assert!(printed.contains("[titles]\n") && printed.contains("my_companies = []"));
    let dashed = std::process::Command::new(env!("CARGO_BIN_EXE_netcurate"))
        .args([
            "--db",
            &db.path.display().to_string(),
            "profile",
            "init",
            "-o",
            "-",
        ])
        .current_dir(db.dir.path())
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&dashed.stdout), printed);
    assert!(!db.file("-").exists(), "no file named '-'");
    let path = db.file("audience.toml").display().to_string();
    let told = db.ok(&["profile", "init", "-o", &path]);
    assert_eq!(
        told,
        format!(
            "drafted {path}; edit it, then `{}`\n",
            db.command_line(&format!("score --profile {path}"))
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), printed);
    let (code, _, err) = db.run(&["profile", "init", "-o", &path]);
    assert!(code == 1 && err.contains("exists"), "{err}");
    db.ok(&["--profile", &path, "score"]);
}

/// Titles and companies copied from web pages carry no-break spaces, zero-width spaces,
/// soft hyphens and direction marks. `profile init` on such a network drafts a profile
/// that `score` accepts (it used to write them as Rust escapes, which TOML refuses), shown
/// as they read; the drafted title scores them, and a filter typed as they read finds them.
#[test]
fn copied_titles_draft_a_profile_that_scores_and_filters_that_find_them() {
    let db = Db::new();
    let csv = db.file("Connections.csv");
    let mut text =
        String::from("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    for i in 0..4 {
        text.push_str(&format!(
            "Ada{i},Sample,https://www.linkedin.com/in/ada{i},,Soft\u{ad}ware Inc,Head of\u{a0}Growth\u{200e},01 Jan 2025\n\
             Bo{i},Sample,https://www.linkedin.com/in/bo{i},,Hooli,Engineer\u{200b},02 Jan 2025\n"
        ));
    }
    std::fs::write(&csv, text).unwrap();
    db.ok(&["import", &csv.display().to_string()]);
    let path = db.file("audience.toml").display().to_string();
    db.ok(&["profile", "init", "-o", &path]);
    let draft = std::fs::read_to_string(&path).unwrap();
    assert!(draft.contains("target = [\"Head of Growth\"]"), "{draft}");
    assert!(draft.contains("\"Software Inc\""), "{draft}");
    db.ok(&["--profile", &path, "score"]);
    let found = db.json(&[
        "list",
        "--json",
        "--filter",
        "title:\"head of growth\" company:software",
    ]);
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 4);
    assert!(
        found.iter().all(|c| c["score"].as_i64() >= Some(60)),
        "{found:?}"
    );
}

/// A title or company holding control characters (a line break in a quoted cell, a tab,
/// an escape that would start a terminal sequence) is printed by `list` and `explain`, and
/// an employer by the import report and `stats`, with spaces in their place: a row stays one line and nothing reaches the terminal raw. The
/// JSON keeps the text as imported.
#[test]
fn control_characters_in_a_title_never_reach_the_terminal() {
    let db = Db::new();
    let csv = db.write("Connections.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Mul,Ti,https://www.linkedin.com/in/multi,,\"Two\nLines Co\",\"Lead\\x1b[31m\tRed\",01 Jan 2025\n"
            .replace("\\x1b", "\x1b"));
    let positions = db.write(
        "Positions.csv",
        "Company Name,Title,Description,Location,Started On,Finished On\n\
         \"Evil\x1b]0;a title\x07 Corp\",CEO,,,Jan 2024,\n",
    );
    let report = db.ok(&[
        "import",
        &csv.display().to_string(),
        &positions.display().to_string(),
    ]);
    assert!(
        report.contains("(Positions.csv): Evil ]0;a title  Corp\n"),
        "{report:?}"
    );
    let stats = db.ok(&["stats"]);
    let list = db.ok(&["list"]);
    assert_eq!(list.lines().count(), 3, "header, row, count: {list:?}");
    assert!(list.contains("Lead [31m Red"), "{list:?}");
    let explained = db.ok(&["explain", "1"]);
    assert!(
        explained.starts_with("Mul Ti — Lead [31m Red at Two Lines Co\n"),
        "{explained:?}"
    );
    for printed in [&report, &stats, &list, &explained] {
        assert!(
            !printed.contains(['\x1b', '\x07', '\t', '\r']),
            "{printed:?}"
        );
    }
    let json = db.json(&["list", "--json"]);
    assert_eq!(json[0]["position"], "Lead\x1b[31m\tRed");
}

/// A database scored by an older netcurate (before the colleague flag) is rescored when it
/// is opened: `flag:colleague` finds the colleagues at once, and `-flag:colleague` keeps
/// them out of a prune.
#[test]
fn a_database_scored_by_an_older_netcurate_is_rescored_on_opening() {
    let db = Db::with_demo();
    let colleagues = |db: &Db| {
        let found = db.json(&["list", "--json", "--filter", "flag:colleague"]);
        found.as_array().unwrap().len()
    };
    let acme = db.json(&["list", "--json", "--filter", "company:\"acme widgets\""]);
    let n = acme.as_array().unwrap().len();
    assert!(n > 1 && colleagues(&db) == n);
    {
        let conn = rusqlite::Connection::open(&db.path).unwrap();
        conn.execute_batch(
            "UPDATE contacts SET flags = flags & ~1024; DELETE FROM settings WHERE key = 'scored_with';",
        )
        .unwrap();
    }
    assert_eq!(colleagues(&db), n, "rescored on opening");
    let out = db.ok(&["decide", "prune", "--filter", "score:<30 -flag:colleague"]);
    assert!(!out.contains("colleagues"), "{out}");
    let kept = db.json(&[
        "list",
        "--json",
        "--filter",
        "flag:colleague decision:undecided",
    ]);
    assert_eq!(kept.as_array().unwrap().len(), n);
}

/// What is empty says how to fill it: no invitations imported, a removal or withdrawal
/// plan with nothing marked (the file is still written: a header); a plan with someone in
/// it says where to act on it on LinkedIn.
#[test]
fn empty_lists_and_plans_say_how_to_fill_them() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let out = db.ok(&["invitations"]);
    assert!(
        out.starts_with("no invitations yet: they come from Invitations.csv"),
        "{out}"
    );
    let out = db.ok(&["pillars"]);
    assert!(
        out.contains(&format!(
            "(record a reading with `{}` for a baseline)",
            db.command_line("ssi record")
        )),
        "{out}"
    );
    for (kind, hint) in [
        ("removal-plan", "decide prune --filter …"),
        ("withdrawal-plan", "invitations withdraw --stale"),
    ] {
        let hint = format!("`{}`", db.command_line(hint));
        let path = db.file(&format!("{kind}.csv"));
        let (code, _, err) = db.run(&["export", "-o", path.to_str().unwrap(), "--kind", kind]);
        assert_eq!(code, 0, "{err}");
        assert!(
            err.contains("exported 0 rows") && err.contains(&hint),
            "{kind}: {err}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 1);
    }
    db.ok(&["decide", "prune", "--filter", "company:hooli"]);
    let path = db.file("plan.csv");
    let (_, _, err) = db.run(&[
        "export",
        "-o",
        path.to_str().unwrap(),
        "--kind",
        "removal-plan",
    ]);
    assert!(!err.contains("marks them"), "{err}");
    assert!(
        err.contains("exported ")
            && err.contains("\nremove each on LinkedIn from its profile (the URL column): More → Remove connection"),
        "{err}"
    );
}

/// The workbench with its output in a pipe (a script, a mistake) says it needs a terminal
/// and which commands work without one, instead of failing on the terminal, and creates
/// no database.
#[test]
fn the_workbench_without_a_terminal_points_to_the_commands() {
    let db = Db::new();
    for args in [&[][..], &["demo"][..]] {
        let (code, out, err) = db.run(args);
        assert_eq!(code, 1, "{args:?}: {out}");
        assert!(
            err.contains("needs a terminal") && err.contains("netcurate list"),
            "{err}"
        );
    }
    assert!(!db.path.exists(), "no database made");
}

/// `explain`, `stats`, `pillars`, `decide` (its colleagues' note) and `ssi list` (its
/// empty state) break their long lines at spaces to fit the terminal ($COLUMNS here),
/// saying the same words; into a pipe a line is as long as it is.
#[test]
fn sentences_fit_the_terminal_with_the_same_words() {
    let db = Db::with_demo();
    let first = db.json(&["list", "--limit", "1", "--json"])[0]["id"].to_string();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let width = |l: &str| unicode_width::UnicodeWidthStr::width(l);
    let decide = ["decide", "prune", "--filter", "company:acme", "--dry-run"];
    for args in [
        &["explain", first.as_str()][..],
        &["stats"],
        &["pillars"],
        &decide,
        &["ssi", "list"],
    ] {
        let piped = db.ok(args);
        assert!(piped.lines().any(|l| width(l) > 80), "{args:?}: {piped}");
        let output = db.command(args).env("COLUMNS", "80").output().unwrap();
        let fitted = String::from_utf8(output.stdout).unwrap();
        // A command longer than the line stays whole on a line of its own, to copy.
        let a_command = |l: &str| l.trim().starts_with('`') && l.trim().ends_with('`');
        assert!(
            fitted.lines().all(|l| width(l) <= 80 || a_command(l)),
            "{args:?}:\n{fitted}"
        );
        assert_eq!(words(&fitted), words(&piped), "{args:?}");
    }
}

/// A path written with `~/` is read from the home folder, as a Unix shell would expand it:
/// PowerShell and cmd.exe pass `~` on to the program as it is (here: quoted, as in a
/// script). Options and arguments alike: --db, --profile, import's paths, export's -o.
#[test]
fn a_quoted_tilde_path_is_the_home_folder() {
    let home = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("linkedin/2026/Connections.csv"),
        home.path().join("Connections.csv"),
    )
    .unwrap();
    std::fs::copy(
        fixture("demo/profile.toml"),
        home.path().join("audience.toml"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_netcurate"))
            .env("HOME", home.path())
            .env_remove("NETCURATE_DB")
            .args(["--db", "~/net.db", "--as-of", common::AS_OF])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "--profile",
        "~/audience.toml",
        "import",
        "~/Connections.csv",
    ]);
    run(&["export", "-o", "~/out.csv"]);
    for made in ["net.db", "out.csv"] {
        assert!(home.path().join(made).exists(), "{made}");
    }
    let exported = std::fs::read_to_string(home.path().join("out.csv")).unwrap();
    assert_eq!(
        exported.lines().count(),
        43,
        "a header and the 42 connections"
    );
}

/// What a command says on standard error beside its output (an empty plan's hint, an
/// error) fits the terminal as its output does, in the same words.
#[test]
fn messages_on_standard_error_fit_the_terminal() {
    let db = Db::with_demo();
    let plan = db.file("plan.csv").display().to_string();
    let crm = fixture("linkedin/crm-other-names.csv");
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let width = |l: &str| unicode_width::UnicodeWidthStr::width(l);
    for args in [
        &[
            "export",
            "-o",
            plan.as_str(),
            "--kind",
            "removal-plan",
            "--force",
        ][..],
        &["import", crm.as_str()],
    ] {
        let (_, _, piped) = db.run(args);
        assert!(piped.lines().any(|l| width(l) > 80), "{args:?}: {piped}");
        let output = db.command(args).env("COLUMNS", "80").output().unwrap();
        let fitted = String::from_utf8(output.stderr).unwrap();
        assert!(
            fitted.lines().all(|l| width(l) <= 80),
            "{args:?}:\n{fitted}"
        );
        assert_eq!(words(&fitted), words(&piped), "{args:?}");
    }
}

/// A name, company or title is found typed without its accents, as most keyboards type
/// it: `jovanovic` finds the Jovanovićs, `soren` the Sørens, as their own spelling does.
#[test]
fn names_are_found_typed_without_accents() {
    let db = Db::with_demo();
    let names = |filter: &str| -> Vec<String> {
        let list = db.json(&["list", "--json", "--sort", "name", "--filter", filter]);
        (list.as_array().expect("a list").iter())
            .map(|c| format!("{} {}", c["first_name"], c["last_name"]).replace('"', ""))
            .collect()
    };
    for (typed, written) in [
        ("name:jovanovic", "name:Jovanović"),
        ("soren", "Søren"),
        ("name:chloe", "name:Chloé"),
    ] {
        let found = names(typed);
        assert!(!found.is_empty(), "{typed}");
        assert_eq!(found, names(written), "{typed}");
    }
}

/// Every command of the README's command-line block runs on the demo network, in the
/// order written (its optional `[…]` parts left out, `~/Desktop` a folder here), and
/// says nothing a reader would take for a mistake of the README's: each ends well and
/// draws no "note:" — but `undo --import`, which after the changes above is refused,
/// saying what to undo first.
#[test]
fn every_command_of_the_readme_runs_on_the_demo() {
    let block = readme_block("## The command line", "sh");
    let db = Db::with_demo();
    let desktop = db.file("Desktop");
    std::fs::create_dir_all(&desktop).unwrap();
    let mut ran = 0;
    for line in block.lines() {
        let command = line.split(" # ").next().unwrap_or(line).trim();
        for command in command.split(" / ") {
            let Some(args) = command.strip_prefix("netcurate ") else {
                continue;
            };
            let args = shell_words(&without_optional_parts(args))
                .into_iter()
                .map(|a| a.replace("~/Desktop", &desktop.display().to_string()))
                .collect::<Vec<_>>();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (code, out, err) = outcome_in(&db, &args);
            ran += 1;
            if args == ["undo", "--import"] {
                assert!(code == 0 || err.contains("undo them first"), "{err}");
                continue;
            }
            assert_eq!(code, 0, "{command}: {err}");
            assert!(!out.contains("note:"), "{command}: {out}");
        }
    }
    assert!(
        ran >= 30,
        "{ran} commands run: the block was not found whole"
    );
}

/// The README's example profile is one netcurate reads: scoring the demo with it works,
/// and puts its target titles first.
#[test]
fn the_readmes_example_profile_scores_the_demo() {
    let profile = readme_block("## Write a profile", "toml");
    let db = Db::with_demo();
    let path = db.file("audience.toml");
    std::fs::write(&path, profile).unwrap();
    db.ok(&["score", "--profile", &path.display().to_string()]);
    let top = db.json(&["list", "--json", "--limit", "1"]);
    assert!(top[0]["score"].as_u64().unwrap() >= 60, "{top}");
    let why = db.ok(&["explain", &top[0]["id"].to_string()]);
    assert!(
        ["\"VP Engineering\"", "\"Head of Platform\"", "\"CTO\""]
            .iter()
            .any(|t| why.contains(&format!("title ≈ {t}"))),
        "{why}"
    );
}

/// The first block of code in `language` after the README's `heading`.
fn readme_block(heading: &str, language: &str) -> String {
    let readme = std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR")))
        .expect("README.md");
    let block = (readme.split(heading).nth(1))
        .and_then(|rest| rest.split(&format!("```{language}\n")).nth(1))
        .and_then(|rest| rest.split("```").next());
    block.expect("the README's block").to_string()
}

/// `text` without its `[…]` parts: the README's optional arguments.
fn without_optional_parts(text: &str) -> String {
    let mut kept = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    kept
}

/// `text` cut into words as a shell would: quotes ('…' or "…") keep spaces, and go.
fn shell_words(text: &str) -> Vec<String> {
    let (mut words, mut word, mut quote, mut in_word) = (Vec::new(), String::new(), None, false);
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => (quote, in_word) = (Some(c), true),
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                }
                in_word = false;
            }
            (None, c) => (word, in_word) = (word + &c.to_string(), true),
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Runs `args` in the database's folder (where a relative output file lands).
fn outcome_in(db: &Db, args: &[&str]) -> (i32, String, String) {
    let run = db.command(args).current_dir(db.dir.path()).output();
    common::outcome(run.expect("run netcurate"))
}

/// `tag add` spells a tag as the whole network holds it, though the contacts it selects
/// do not have it (one segment, not two), and says when a new tag looks like a typo of
/// one held.
#[test]
fn a_tag_is_spelt_as_held_and_a_likely_typo_is_said() {
    let db = Db::with_demo();
    db.ok(&["tag", "add", "vip", "--filter", "company:hooli"]);
    let said = db.ok(&["tag", "add", "VIP", "--filter", "company:initech"]);
    assert!(
        said.starts_with("tagged ") && said.contains(" 'vip' "),
        "{said}"
    );
    let segments = db.json(&["segments", "--json"]);
    let names: Vec<&str> = (segments.as_array().unwrap().iter())
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["#vip"]);
    let new = db.ok(&["tag", "add", "board", "--filter", "company:globex"]);
    assert!(!new.contains("a new tag"), "{new}");
    let typo = db.ok(&["tag", "add", "bord", "--filter", "company:initech"]);
    assert!(
        typo.contains("\na new tag (did you mean board?)\n"),
        "{typo}"
    );
    let again = db.ok(&["tag", "add", "bord", "--filter", "company:hooli"]);
    assert!(!again.contains("a new tag"), "held now: {again}");
}
