//! Import + validate a generated 10,000-row XLSX in the standard two-row layout (merged 一级事项
//! every 5 rows, checkbox channel cells, √ ticks). The workbook is written with rust_xlsxwriter
//! to `target/bench-data/catalogue-10000.xlsx`, where `benches/openpyxl_bench.py` loads the same
//! file with Python openpyxl and prints the ratio.
#![allow(clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use gongkai::Validator;
use gongkai::import::{ImportOptions, import_xlsx};
use gongkai::model::Level;
use rust_xlsxwriter::{Format, Workbook};
use std::hint::black_box;
use std::path::PathBuf;

const ROWS: u32 = 10_000;

fn workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("市政服务").unwrap();
    let f = Format::new();
    for (c, t) in [
        (0, "序号"),
        (3, "公开内容（要素）"),
        (4, "公开依据"),
        (5, "公开时限"),
        (6, "公开主体"),
        (7, "公开渠道和载体"),
    ] {
        ws.merge_range(0, c, 1, c, t, &f).unwrap();
    }
    ws.merge_range(0, 1, 0, 2, "公开事项", &f).unwrap();
    ws.merge_range(0, 8, 0, 9, "公开对象", &f).unwrap();
    ws.merge_range(0, 10, 0, 11, "公开方式", &f).unwrap();
    ws.merge_range(0, 12, 0, 13, "公开层级", &f).unwrap();
    for (c, t) in [
        (1, "一级事项"),
        (2, "二级事项"),
        (8, "全社会"),
        (9, "特定群体"),
        (10, "主动"),
        (11, "依申请"),
        (12, "县级"),
        (13, "乡级"),
    ] {
        ws.write_string(1, c, t).unwrap();
    }
    let times = [
        "自信息形成或者变更之日起20个工作日内",
        "信息形成(变更)20个工作日内",
        "20个工作日",
        "制定或获取信息之日起20个工作日内",
    ];
    for i in 0..ROWS {
        let r = i + 2;
        if i % 5 == 0 {
            ws.merge_range(r, 1, r + 4, 1, &format!("事项类别{}", i / 5 + 1), &f)
                .unwrap();
        }
        ws.write_number(r, 0, f64::from(i + 1)).unwrap();
        ws.write_string(r, 2, format!("燃气经营许可证核发{}", i + 1))
            .unwrap();
        ws.write_string(r, 3, "申请条件、申请材料、申请流程、法定依据")
            .unwrap();
        ws.write_string(
            r,
            4,
            "《城镇燃气管理条例》（国务院令第583号）第十五条、《政府信息公开条例》",
        )
        .unwrap();
        ws.write_string(r, 5, times[(i % 4) as usize]).unwrap();
        ws.write_string(r, 6, "武陟县城市管理局").unwrap();
        ws.write_string(r, 7, "■政府网站 □政府公报\n□两微一端 ■政务服务中心\n□其他_")
            .unwrap();
        ws.write_string(r, 8, "√").unwrap();
        ws.write_string(r, 10, "√").unwrap();
        ws.write_string(r, 12, "√").unwrap();
    }
    wb.save_to_buffer().unwrap()
}

fn data_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data/catalogue-10000.xlsx")
}

fn bench(c: &mut Criterion) {
    let bytes = workbook();
    let path = data_path();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(&path, &bytes).unwrap();
    let options = ImportOptions::default()
        .title("武陟县城市管理局市政服务领域基层政务公开标准目录")
        .domain("municipal_services")
        .publisher("武陟县城市管理局")
        .level(Level::County)
        .issued("2024-03-01");
    let validator = Validator::default();
    // Sanity: the generated catalogue is read completely and is valid.
    let imp = import_xlsx(&bytes, &options).unwrap();
    assert_eq!(imp.catalogue.items.len(), ROWS as usize);
    let report = validator.validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings);
    assert!(report.valid, "{:?}", report.issues.first());
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.bench_function("import_validate_xlsx_10000", |b| {
        b.iter(|| {
            let imp = import_xlsx(black_box(&bytes), &options).unwrap();
            validator.validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings)
        })
    });
    g.bench_function("import_xlsx_10000", |b| {
        b.iter(|| import_xlsx(black_box(&bytes), &options).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
