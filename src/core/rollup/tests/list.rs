//! The province's list: reading what an office pastes, keeping it, who has sent, the closest
//! names to a commune not on the list.

use super::super::communes::*;
use super::*;

#[test]
fn a_pasted_column_or_table_gives_the_names_once() {
    let pasted =
        "Tên xã\n1. Tân Thành\n2) Hòa Bình\n\n  Xã Đồng Tâm  \nHoà Bình\n\"Quang Trung\"\n";
    let p = parse(pasted);
    assert_eq!(
        p.names,
        ["Tân Thành", "Hòa Bình", "Xã Đồng Tâm", "Quang Trung"]
    );
    assert_eq!(
        p.skipped,
        ["“Tên xã”: dòng tiêu đề", "“Hoà Bình”: trùng tên đã có"]
    );
    // Rows copied from a spreadsheet: row number, name, district.
    let table = "STT\tTên xã\tGhi chú\n1\tTân Thành\t\n2\tVân Thủy\tsáp nhập 2025\n";
    let p = parse(table);
    assert_eq!(p.names, ["Tân Thành", "Vân Thủy"]);
    assert_eq!(p.skipped, ["“STT Tên xã Ghi chú”: dòng tiêu đề"]);
    let csv = "1;Tân Thành\n2;Vân Thủy\n";
    assert_eq!(parse(csv).names, ["Tân Thành", "Vân Thủy"]);
    // A name with digits in it is kept whole.
    assert_eq!(parse("Phường 12\n").names, ["Phường 12"]);
}

#[test]
fn keys_drop_a_leading_xa_and_follow_name_key() {
    assert_eq!(key("Xã Đồng Tâm"), key("đồng tâm"));
    assert_eq!(key("  XÃ   HOÀ BÌNH"), key("Hòa Bình"));
    assert_eq!(key("Xã"), key("xã"), "a lone word stays");
    assert!(!key("Xã").is_empty());
    assert_eq!(key(""), "");
}

#[test]
fn edit_distance_counts_letters() {
    assert_eq!(edit_distance("", ""), 0);
    assert_eq!(edit_distance("abc", ""), 3);
    assert_eq!(edit_distance("kitten", "sitting"), 3);
    assert_eq!(edit_distance(&key("Đông Tâm"), &key("Đồng Tâm")), 1);
    assert_eq!(edit_distance(&key("Tân Thanh"), &key("Tân Thành")), 1);
}

#[test]
fn the_closest_names_are_near_ones_only() {
    let list = CommuneList {
        names: ["Đồng Tâm", "Đồng Tân", "Tân Thành", "Quang Trung"]
            .map(String::from)
            .to_vec(),
        saved_at: String::new(),
    };
    let keys = list.keys();
    assert_eq!(list.closest(&keys, &key("Đông Tâm")), ["Đồng Tâm"]);
    assert_eq!(
        list.closest(&keys, &key("Đồng Tâ")),
        ["Đồng Tâm", "Đồng Tân"],
        "ties"
    );
    assert_eq!(list.closest(&keys, &key("Quang Trunng")), ["Quang Trung"]);
    assert!(
        list.closest(&keys, &key("Bắc Sơn")).is_empty(),
        "nothing near"
    );
}

#[test]
fn the_list_is_stored_in_a_versioned_envelope_and_read_back() {
    let list = CommuneList {
        names: vec!["Tân Thành".into(), "Hòa Bình".into()],
        saved_at: "2026-12-01T08:00:00.000Z".into(),
    };
    for pretty in [false, true] {
        let text = write(&list, pretty);
        assert!(text.contains("\"writer\""), "{text}");
        assert_eq!(read(&text), Ok(list.clone()));
        assert_eq!(read_file(&text).map(|p| p.names), Ok(list.names.clone()));
    }
    // A field this build does not know is skipped; a newer schema is left for its version.
    let more = write(&list, false).replacen('{', "{\"ghi_chu\":\"x\",", 1);
    assert_eq!(read(&more), Ok(list.clone()));
    let newer = write(&list, false).replace("\"schema\":1", "\"schema\":9");
    assert_eq!(read(&newer), Err(ListError::Newer(9)));
    assert!(read(&newer).unwrap_err().message_vi().contains("mới hơn"));
    assert!(matches!(
        read("{\"app\":\"tieuchi\"}"),
        Err(ListError::Damaged(_))
    ));
    assert!(matches!(read("[1"), Err(ListError::Damaged(_))));
    // A plain text file is one name a line.
    assert_eq!(
        read_file("Tân Thành\r\nHòa Bình\r\n").unwrap().names,
        list.names
    );
    assert!(read_file("\n1\n").is_err());
}

/// Who has sent: matched after normalisation, a misspelling flagged with its closest name,
/// files of another period not counted, a file without a name listed.
#[test]
fn arrivals_name_who_has_not_sent_and_who_is_not_on_the_list() {
    let list = CommuneList {
        names: ["Hòa Bình", "Đồng Tâm", "Tân Thành", "Vân Thủy"]
            .map(String::from)
            .to_vec(),
        saved_at: String::new(),
    };
    let inputs = vec![
        named("hb.json", "HOÀ  BÌNH", "t1", |_| {}),
        named("dt.json", "Đông Tâm", "t2", |_| {}),
        named("rong.json", "", "t3", |_| {}),
        named("vt.json", "Xã Vân Thuỷ", "t4", |_| {}),
    ];
    let mut r = read_files(&inputs);
    // Tân Thành sent, but for another period.
    let mut env = example();
    env.draft.meta.commune = "Tân Thành".into();
    env.draft.meta.year = 2023;
    let other = read_files(&[Input {
        name: "tt-2023.json".into(),
        bytes: bytes(Envelope::new(env.draft, env.set, "t".into())),
    }]);
    r.groups[0].rows.extend(other.groups[0].rows.clone());
    let a = arrivals(&list, &r, "6 tháng đầu năm 2024");
    assert_eq!((a.expected, a.received), (4, 2));
    let missing: Vec<&str> = a.missing.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(missing, ["Đồng Tâm", "Tân Thành"]);
    assert_eq!(a.missing[0].maybe, ["“Đông Tâm” (tệp dt.json)"]);
    assert_eq!(a.unlisted.len(), 1);
    assert_eq!(a.unlisted[0].closest[0], "Đồng Tâm");
    assert_eq!(a.unnamed, ["rong.json"]);
    assert_eq!(
        a.summary_vi(),
        "Kỳ 6 tháng đầu năm 2024: đã nhận 2/4 xã; chưa gửi (2): Đồng Tâm (có thể là “Đông Tâm” (tệp dt.json)), Tân Thành."
    );
    assert_eq!(
        a.unlisted_vi(),
        ["“Đông Tâm” (tệp dt.json): gần nhất trong danh sách là Đồng Tâm"]
    );
}
