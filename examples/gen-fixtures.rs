//! Regenerates the small committed fixtures under fixtures/linkedin/ (one synthetic
//! network in every export variant, plus bad files). Run from the repository root:
//! `cargo run --example gen-fixtures`. The output is deterministic.

use chrono::{Duration, NaiveDate};
use netcurate::synth::{self, Person, Style};
use std::io::Write;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
    let dir = Path::new("fixtures/linkedin");
    std::fs::create_dir_all(dir.join("bad"))?;
    let mut people = synth::people(11, 36, (150, 100, 300), 0, as_of);
    people.extend(synth::quirky_people(as_of));
    for days in [20, 900] {
        let mut hidden = people[0].clone();
        hidden.hidden = true;
        hidden.connected_on = as_of - Duration::days(days);
        people.push(hidden);
    }
    for (name, style) in [
        ("2026/Connections.csv", Style::Y2026),
        ("2022/Connections.csv", Style::Y2022),
        ("2018/Connections.csv", Style::Y2018),
        ("excel/Connections.csv", Style::Excel),
        ("excel-de/Connections.csv", Style::ExcelGerman),
        ("excel-uk/Connections.csv", Style::ExcelBritish),
        ("utf16/Connections.csv", Style::Utf16Tab),
    ] {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent"))?;
        std::fs::write(path, synth::connections_csv(&people, style))?;
    }
    // Invitations: 6 accepted (René among them, raw UTF-8 URL), 4 pending, 3 incoming.
    let accepted: Vec<Person> = people.iter().skip(34).take(6).cloned().collect();
    let invitations = synth::invitations(11, &accepted, &[3, 10, 30, 60], 3, as_of);
    std::fs::write(
        dir.join("2026/Invitations.csv"),
        synth::invitations_csv(&invitations),
    )?;
    let placeholder: String = String::from_utf8(synth::invitations_csv(&invitations))
        .expect("utf8")
        .lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.rsplitn(3, ',').collect();
            if !l.starts_with("From,") {
                cells[0] = "https://www.linkedin.com/in";
                cells[1] = "https://www.linkedin.com/in";
            }
            cells.reverse();
            format!("{}\n", cells.join(","))
        })
        .collect();
    std::fs::create_dir_all(dir.join("2023-placeholder"))?;
    std::fs::write(dir.join("2023-placeholder/Invitations.csv"), placeholder)?;
    // Messages with HTML, multi-line content and one draft.
    let talk: Vec<Person> = people.iter().skip(34).take(4).cloned().collect();
    let mut messages = synth::messages_csv(11, &talk, as_of, 0);
    messages.extend_from_slice(
        b"2-draft,,Sam Owner,https://www.linkedin.com/in/sam-owner-demo,Ana Lima,https://www.linkedin.com/in/ana-lima,2026-10-30 09:00:00 UTC,,\"<b>draft</b>, never sent\",DRAFTS,,Yes,No\n",
    );
    std::fs::write(dir.join("2026/messages.csv"), &messages)?;
    // The whole 2026 export as a .zip, with files that are not network files.
    let file = std::fs::File::create(dir.join("export-2026.zip"))?;
    let mut zip = zip::ZipWriter::new(file);
    let options: zip::write::SimpleFileOptions = zip::write::SimpleFileOptions::default();
    for name in ["Connections.csv", "Invitations.csv", "messages.csv"] {
        zip.start_file(name, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(&std::fs::read(dir.join("2026").join(name))?)?;
    }
    zip.start_file("Profile.csv", options)
        .map_err(std::io::Error::other)?;
    zip.write_all(b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry\nSam,Owner,,,,Builder,,Software\n")?;
    // The owner's positions: a current employer, an earlier one, and a row without a
    // company (skipped).
    zip.start_file("Positions.csv", options)
        .map_err(std::io::Error::other)?;
    zip.write_all(
        b"Company Name,Title,Description,Location,Started On,Finished On\n\
          Initech,Head of Platform,\"Runs the platform team, and more\",Berlin,Mar 2024,\n\
          Hooli,Staff Engineer,Built things,Berlin,Jan 2019,Feb 2024\n\
          ,Freelance,No company,,Jan 2018,Dec 2018\n",
    )?;
    zip.start_file("Skills.csv", options)
        .map_err(std::io::Error::other)?;
    zip.write_all(b"Name\nRust\n")?;
    zip.start_file("Articles/readme.html", options)
        .map_err(std::io::Error::other)?;
    zip.write_all(b"<html></html>")?;
    zip.finish().map_err(std::io::Error::other)?;
    // A CRM export: one row matching by URL, one by name + company, one new.
    std::fs::write(
        dir.join("hubspot.csv"),
        "First Name,Last Name,Email,Company Name,Job Title,LinkedIn URL,Industry\n\
         René,Sample,rene@example.com,Hooli,,https://linkedin.com/in/Ren%C3%A9-Sample/,Software\n\
         Ana,Lima,ana@example.com,Initech,,,Consulting\n\
         Nova,Newperson,nova@example.com,Pied Piper,CTO,,Software\n",
    )?;
    // A CRM export under column names netcurate does not know (`;`, as a German Excel
    // writes it): read with `import --map`. One row matches the 2026 export by URL, one is
    // new; Rolle, not Title, is the position.
    std::fs::write(
        dir.join("crm-other-names.csv"),
        "Kontakt;Firma;Rolle;Title;Profil;E-Mail-Adresse;Stadt;Telefon\n\
         René Sample;Hooli;VP Platform;(old) Director;https://www.linkedin.com/in/ren%C3%A9-sample;rene@example.org;Berlin;+49 30 1234567\n\
         Mila Novak;Pied Piper;Head of Infrastructure;Ignore me;;mila@example.org;Hamburg;\n",
    )?;
    // Bad files.
    let good = String::from_utf8(synth::connections_csv(&people[..6], Style::Y2026)).expect("utf8");
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    lines[7] = lines[7]
        .replacen(",Hooli", ",\"Hooli", 1)
        .replacen(",Initech", ",\"Initech", 1);
    if !lines[7].contains('"') {
        lines[7] = lines[7].replacen(",,", ",,\"", 1);
    }
    std::fs::write(dir.join("bad/unterminated.csv"), lines.join("\n") + "\n")?;
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    let last = lines.len() - 1;
    let cut = lines[last].rfind(',').expect("comma");
    lines[last] = format!("{},31 Feb 2024", &lines[last][..cut]);
    std::fs::write(dir.join("bad/impossible-date.csv"), lines.join("\n") + "\n")?;
    std::fs::write(
        dir.join("bad/binary.csv"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 80, 75, 0, 0],
    )?;
    std::fs::write(dir.join("bad/empty.csv"), "")?;
    std::fs::write(dir.join("bad/unknown.csv"), "Skill,Level\nRust,5\n")?;
    std::fs::write(
        dir.join("bad/bad-direction.csv"),
        "From,To,Sent At,Message,Direction\nA B,C D,\"11/20/24, 3:45 PM\",,SIDEWAYS\n",
    )?;
    Ok(())
}
