// The printable statement page. It reads the province, period and language from its URL, signs the user in
// (Entra ID through MSAL, or nothing where the server's local developer identity applies), asks /graphql for
// the figures through trusted documents, and writes the statement, its figures and its charts.
"use strict";

(async () => {
  const base = new URL(document.baseURI); // .../statements/
  const graphql = new URL("../graphql", base);
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang") === "en" ? "en" : "fa";
  const text = words(lang);
  const main = document.getElementById("statement");
  const status = document.getElementById("status");

  try {
    status.textContent = text.loading;
    const config = await (await fetch(new URL("config.json", base))).json();
    const token = await signIn(config);
    const [province, published, id] = location.pathname.slice(base.pathname.length).split("/");
    if (!province) return; // the sign-in return address: MSAL has gone back to the page that asked
    const call = (operation, variables) => run(operation, variables, token);

    let report = null;
    let period;
    if (published === "published") {
      const answer = await call("PublishedStatement", { province });
      report = answer.publishedReports.find((r) => r.id === id);
      if (!report) throw new Error(text.noReport(id));
      period = periodOf(report);
    } else {
      period = { year: number(params.get("year")), fromMonth: number(params.get("fromMonth") ?? "1"), toMonth: number(params.get("toMonth") ?? "12") };
    }
    const data = await call("StatementPage", { province, period });
    status.remove();
    main.append(...render(data, report, text));
    await document.fonts.ready;
    document.body.dataset.state = "ready";
  } catch (error) {
    status.textContent = error.message;
    status.className = "status error";
    document.body.dataset.state = "error";
  }

  /** A trusted document by its name; the server runs it as any caller's request (roles, scope, audit). */
  async function run(operation, variables, token) {
    const headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(graphql, { method: "POST", headers, body: JSON.stringify({ id: operation, variables }) });
    const body = await response.json().catch(() => null);
    if (body?.errors?.length) throw new Error(body.errors.map((e) => e.message).join(" "));
    if (!response.ok || !body?.data) throw new Error(`${response.status} ${response.statusText}`);
    return body.data;
  }

  /** Entra ID as a single-page application (authorization code with PKCE); null where no sign-in is needed. */
  async function signIn(config) {
    if (config.mode !== "entra") return null;
    const app = new msal.PublicClientApplication({
      auth: { clientId: config.clientId, authority: config.authority, redirectUri: config.redirectUri },
      cache: { cacheLocation: "sessionStorage" },
    });
    await app.initialize();
    const returned = await app.handleRedirectPromise();
    const account = returned?.account ?? app.getAllAccounts()[0];
    const request = { scopes: config.scopes, account };
    if (!account) return app.loginRedirect(request).then(() => new Promise(() => {}));
    try {
      return (await app.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
      return app.acquireTokenRedirect(request).then(() => new Promise(() => {}));
    }
  }

  function render(data, published, text) {
    const r = data.report;
    const nodes = [];
    const header = element("header", { className: "masthead" });
    header.append(
      element("p", { textContent: `${text.title} — ${lang === "fa" ? r.province.nameFa : r.province.nameEn}` }),
      element("p", { textContent: lang === "fa" ? r.period.labelFa : r.period.labelEn }),
    );
    nodes.push(header);

    if (published) {
      nodes.push(
        element("h1", { className: "headline", textContent: text.asPublished(lang === "fa" ? r.period.labelFa : r.period.labelEn) }),
        element("p", { className: "published", textContent: text.publishedBy(published.publishedBy, published.publishedAt) }),
        element("p", { className: "statement", textContent: lang === "fa" ? published.statementFa : published.statementEn }),
        figures(publishedFigures(published.figures), text),
        corrections(published.corrections, text),
      );
    } else {
      nodes.push(
        element("h1", { className: "headline", textContent: lang === "fa" ? r.headlineFa : r.headlineEn }),
        element("p", { className: "statement", textContent: lang === "fa" ? r.statementFa : r.statementEn }),
        figures(
          {
            cash: r.government.cash,
            inKind: r.government.inKind,
            volunteerServices: r.government.volunteerServices,
            charities: r.charities,
            total: r.total,
            covered: r.households.covered,
            coverageRate: r.households.coverageRate,
            pensioners: r.households.pensioners,
            centerResidents: r.centerResidents,
          },
          text,
        ),
      );
    }

    const charts = element("section", { className: "charts" });
    const name = (county) => (lang === "fa" ? county.nameFa : county.nameEn);
    charts.append(
      StatementCharts.bars("by-type", text.charts.byType, data.byType.groups.map((g) => ({ label: text.type[g.key.type], sum: g.sum })), text),
      StatementCharts.bars("by-sector", text.charts.bySector, data.bySector.groups.map((g) => ({ label: text.sector[g.key.sector], sum: g.sum })), text),
      StatementCharts.trend(
        "by-month",
        text.charts.byMonth,
        data.byMonth.groups.map((g) => ({ label: lang === "fa" ? g.key.monthNameFa : g.key.monthNameEn, sum: g.sum, previous: g.comparison?.sum ?? 0 })),
        text,
      ),
      StatementCharts.bars("by-county", text.charts.byCounty, data.byCounty.groups.map((g) => ({ label: name(g.key.county), sum: g.sum })), text, true),
      StatementCharts.households(
        "households",
        text.charts.households,
        data.households.groups.map((g) => ({ county: name(g.key.county), benefit: g.key.benefit, count: g.count, suppressed: g.suppressed })),
        text,
      ),
    );
    nodes.push(charts);
    return nodes;
  }

  /** A published report's months (its label is "1404-01..1404-09"), or its days when it is not whole months of one year. */
  function periodOf(report) {
    const months = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(report.periodLabel);
    return months && months[1] === months[3]
      ? { year: Number(months[1]), fromMonth: Number(months[2]), toMonth: Number(months[4]) }
      : { from: report.from, to: report.to };
  }

  /** Rial as published, shown in toman like the live figures. */
  function publishedFigures(f) {
    return {
      cash: f.cash / 10,
      inKind: f.inKind / 10,
      volunteerServices: f.volunteerServices / 10,
      charities: f.charities / 10,
      total: f.total / 10,
      covered: f.covered,
      coverageRate: f.allHouseholds ? f.covered / f.allHouseholds : null,
      pensioners: f.pensioners,
      centerResidents: f.centerResidents,
    };
  }

  function figures(values, text) {
    const list = element("dl", { className: "figures" });
    for (const [key, value] of Object.entries(values)) {
      const item = element("div", { id: `figure-${key}` });
      item.dataset.figure = key;
      const shown = value === null || value === undefined ? "—" : key === "coverageRate" ? text.percent(value) : text.figures.money.includes(key) ? text.money(value) : text.number(value);
      item.append(element("dt", { textContent: text.figures[key] }), element("dd", { textContent: shown }));
      list.append(item);
    }
    return list;
  }

  function corrections(list, text) {
    const section = element("section", { className: "corrections" });
    section.append(element("h2", { textContent: text.corrections }));
    if (list.length === 0) {
      section.append(element("p", { textContent: text.noCorrections }));
      return section;
    }
    const table = element("table");
    const head = table.createTHead().insertRow();
    for (const title of text.correctionColumns) head.append(element("th", { textContent: title }));
    const body = table.createTBody();
    for (const c of list) {
      const row = body.insertRow();
      row.dataset.figure = c.figure;
      // Published figures are stored in rial; money is shown in toman, as everywhere on the page.
      const shown = text.figures.money.includes(c.figure) ? (v) => text.money(v / 10) : (v) => text.number(v);
      for (const value of [text.figures[c.figure] ?? c.figure, shown(c.published), shown(c.current), shown(c.difference)])
        row.insertCell().textContent = value;
    }
    section.append(table);
    return section;
  }

  function element(tag, properties = {}) {
    return Object.assign(document.createElement(tag), properties);
  }

  function number(value) {
    // Persian and Arabic-Indic digits read as digits, as the server does.
    return Number(String(value).replace(/[۰-۹]/g, (d) => d.charCodeAt(0) - 0x06f0).replace(/[٠-٩]/g, (d) => d.charCodeAt(0) - 0x0660));
  }

  function words(lang) {
    // Every phrase of the page as [Persian, English], side by side so that neither language can lack one.
    const phrases = {
      loading: ["در حال بارگذاری…", "Loading…"],
      title: ["گزارش مشارکت‌های مردمی بهزیستی", "Public participation statement"],
      billions: ["میلیارد تومان", "billion toman"],
      toman: ["تومان", "toman"],
      households: ["خانوار", "households"],
      thisYear: ["امسال", "this year"],
      lastYear: ["سال گذشته", "last year"],
      suppressed: ["محرمانه", "suppressed"],
      corrections: ["اصلاحات پس از انتشار", "Corrections since publication"],
      noCorrections: ["از زمان انتشار هیچ رقمی تغییر نکرده است.", "No figure has changed since publication."],
      correctionColumns: [
        ["رقم", "Figure"],
        ["منتشرشده", "Published"],
        ["اکنون", "Now"],
        ["تفاوت", "Difference"],
      ],
      type: { CASH: ["نقدی", "Cash"], IN_KIND: ["غیرنقدی", "In kind"], VOLUNTEER_SERVICE: ["خدمات داوطلبانه", "Volunteer services"] },
      sector: { GOVERNMENT: ["بخش دولتی", "Government"], CHARITY: ["موسسات خیریه", "Charities"] },
      benefit: { PENSION: ["مستمری‌بگیر", "Pension"], OTHER_SERVICES: ["سایر خدمات", "Other services"] },
      charts: {
        byType: ["مشارکت‌ها به تفکیک نوع", "Contributions by type"],
        bySector: ["مشارکت‌ها به تفکیک بخش", "Contributions by sector"],
        byMonth: ["روند ماهانه در مقایسه با سال گذشته", "Monthly trend against last year"],
        byCounty: ["مشارکت‌ها به تفکیک شهرستان", "Contributions by county"],
        households: ["خانوارهای تحت پوشش به تفکیک نوع خدمت", "Covered households by benefit"],
      },
      figures: {
        cash: ["کمک نقدی (بخش دولتی)", "Cash (government)"],
        inKind: ["کمک غیرنقدی (بخش دولتی)", "In kind (government)"],
        volunteerServices: ["خدمات داوطلبانه (بخش دولتی)", "Volunteer services (government)"],
        charities: ["موسسات خیریه", "Charities"],
        total: ["مجموع مشارکت‌ها", "Total contributions"],
        covered: ["خانوارهای تحت پوشش", "Covered households"],
        coverageRate: ["نسبت پوشش", "Coverage"],
        pensioners: ["خانوارهای مستمری‌بگیر", "Pensioner households"],
        centerResidents: ["ساکنان مراکز نگهداری", "Care centre residents"],
        allHouseholds: ["همهٔ خانوارها", "All households"],
        otherServices: ["خانوارهای سایر خدمات", "Other-services households"],
      },
    };
    const fa = lang === "fa";
    const numbers = new Intl.NumberFormat(fa ? "fa-IR" : "en-US", { maximumFractionDigits: 2 });
    const percents = new Intl.NumberFormat(fa ? "fa-IR" : "en-US", { style: "percent", maximumFractionDigits: 1 });
    const text = inLanguage(phrases, fa ? 0 : 1);
    return {
      ...text,
      rtl: fa,
      number: (v) => numbers.format(v),
      percent: (v) => percents.format(v),
      money: (v) => `${numbers.format(v)} ${text.toman}`,
      asPublished: (label) => (fa ? `گزارش منتشرشده: ${label}` : `As published: ${label}`),
      publishedBy: (by, at) =>
        fa ? `منتشرشده توسط ${by} در ${new Date(at).toLocaleString("fa-IR")}` : `Published by ${by} on ${new Date(at).toISOString().slice(0, 10)}`,
      noReport: (id) => (fa ? `گزارش منتشرشدهٔ شمارهٔ ${numbers.format(id)} یافت نشد.` : `There is no published report ${id}.`),
      // The figures shown as money (in toman), not as counts.
      figures: { money: ["cash", "inKind", "volunteerServices", "charities", "total"], ...text.figures },
    };
  }

  // The phrases in one language: a [Persian, English] pair becomes one of its strings, lists and groups keep their shape.
  function inLanguage(entry, index) {
    if (Array.isArray(entry)) return typeof entry[0] === "string" ? entry[index] : entry.map((e) => inLanguage(e, index));
    return Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, inLanguage(value, index)]));
  }
})();
