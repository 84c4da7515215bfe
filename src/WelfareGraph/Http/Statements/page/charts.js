// The statement's charts, drawn as SVG by Observable Plot. Each returns a <figure> with its title above the
// chart; every bar or point carries a <title> with its exact figure. In Persian the category axes run right
// to left, as the text does.
"use strict";

window.StatementCharts = (() => {
  const width = 340;
  const wideWidth = 700;
  const height = 230;
  // The SVG's own layout is left to right (Plot anchors axis labels by it); Persian text inside still shapes
  // and reads right to left, and the category axes are reversed for Persian below.
  const style = { fontFamily: "Vazirmatn, sans-serif", fontSize: "11px", direction: "ltr" };

  function figure(id, title, chart, wide) {
    const element = document.createElement("figure");
    element.className = wide ? "chart wide" : "chart";
    element.id = id;
    const heading = document.createElement("h2");
    heading.textContent = title;
    element.append(heading, chart);
    return element;
  }

  function common(text, chartWidth) {
    return {
      width: chartWidth,
      height,
      marginLeft: 60,
      marginBottom: 40,
      style,
      y: { grid: true, label: text.billions, tickFormat: (v) => text.number(v / 1e9) },
    };
  }

  function bars(id, title, rows, text, wide) {
    const chartWidth = wide ? wideWidth : width;
    const chart = Plot.plot({
      ...common(text, chartWidth),
      x: { label: null, domain: rows.map((r) => r.label), reverse: text.rtl },
      marks: [
        Plot.barY(rows, { x: "label", y: "sum", fill: "#1f6f8b", title: (r) => `${r.label}: ${text.money(r.sum)}` }),
        Plot.ruleY([0]),
      ],
    });
    return figure(id, title, chart, wide);
  }

  /** Two lines, this period and the same months a year earlier, with a dot on every month. */
  function trend(id, title, months, text) {
    const rows = months.flatMap((m) => [
      { month: m.label, series: text.thisYear, sum: m.sum },
      { month: m.label, series: text.lastYear, sum: m.previous },
    ]);
    const chart = Plot.plot({
      ...common(text, wideWidth),
      x: { label: null, domain: months.map((m) => m.label), reverse: text.rtl, padding: 0.5 },
      color: { legend: true, domain: [text.thisYear, text.lastYear], range: ["#1f6f8b", "#d08c2c"] },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(rows, { x: "month", y: "sum", stroke: "series", z: "series" }),
        Plot.dot(rows, { x: "month", y: "sum", fill: "series", r: 3.5, title: (r) => `${r.series} ${r.month}: ${text.money(r.sum)}` }),
      ],
    });
    return figure(id, title, chart, true);
  }

  /** Covered households by county, stacked by benefit; a withheld (suppressed) cell is written, not drawn. */
  function households(id, title, cells, text) {
    const counties = [...new Set(cells.map((c) => c.county))];
    const shown = cells.filter((c) => !c.suppressed);
    const withheld = cells.filter((c) => c.suppressed);
    const colours = ["#1f6f8b", "#5f93a6"];
    const chart = Plot.plot({
      width: wideWidth,
      height,
      marginLeft: 60,
      marginBottom: 40,
      style,
      x: { label: null, domain: counties, reverse: text.rtl },
      y: { grid: true, label: text.households, tickFormat: (v) => text.number(v) },
      color: { legend: true, domain: [text.benefit.PENSION, text.benefit.OTHER_SERVICES], range: colours },
      marks: [
        Plot.barY(shown, {
          x: "county",
          y: "count",
          fill: (c) => text.benefit[c.benefit],
          title: (c) => `${c.county}, ${text.benefit[c.benefit]}: ${text.number(c.count)}`,
        }),
        ...["PENSION", "OTHER_SERVICES"].map((benefit, row) =>
          Plot.text(
            withheld.filter((c) => c.benefit === benefit),
            {
              x: "county",
              y: 0,
              dy: -8 - 14 * row,
              text: () => text.suppressed,
              fill: colours[row],
              title: (c) => `${c.county}, ${text.benefit[c.benefit]}: ${text.suppressed}`,
              className: "suppressed",
            },
          ),
        ),
        Plot.ruleY([0]),
      ],
    });
    return figure(id, title, chart, true);
  }

  return { bars, trend, households };
})();
