// "Gửi câu chuyện": checks the answers with the record validator's rules and messages (both generated from the
// Python field list into #gs-form-config), then writes the record file exactly as `guongsang new` would and
// offers it by e-mail to the office (a mailto: carrying the text), as a download, copied, or on GitHub.
const config = JSON.parse(document.getElementById("gs-form-config").textContent);
const { repo, branch } = JSON.parse(document.getElementById("gs-form-repo").textContent);
const words = JSON.parse(document.getElementById("gs-form-words").textContent);
const form = document.querySelector("[data-gs-form]");
const result = document.querySelector("[data-gs-result]");
const byKey = Object.fromEntries(config.fields.map((f) => [f.key, f]));
const messages = { ...config.messages, consent: words.consent }; // the page names parts of the form, not YAML keys
const MAX_URL = 8000; // longer addresses are refused by GitHub's servers: the download is offered instead
// Longer mailto: addresses are cut or refused by some mail programs (Windows hands programs at most a few
// thousand characters): past this, the e-mail carries a short note and the reader attaches or pastes the file.
const MAX_MAILTO = 8000;

const fold = (s) => s.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const slugify = (s) => fold(s).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
const compact = (s) => fold(s).replace(/[^a-z0-9]+/g, "");
const chars = (s) => [...s].length;
const say = (key, params) => messages[key].replace(/\{(\w+)\}/g, (_, name) => String(params[name]));
const fill = (template, params) => template.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ""));
const named = (field) => `“${field.label}”`; // the field as the form shows it ("“Tóm tắt”", not "summary")

function value(field) {
  if (field.widget === "multi") {
    return [...form.querySelectorAll(`input[name="${field.key}"]:checked`)].map((i) => i.value.normalize("NFC"));
  }
  const raw = form.elements[field.key].value.normalize("NFC");
  if (field.widget === "lines") return raw.split(/\n|;/).map((s) => s.trim()).filter(Boolean);
  return raw.trim();
}

function answers() {
  const found = {};
  for (const field of config.fields) {
    const v = value(field);
    if (Array.isArray(v) ? v.length : v) found[field.key] = v;
  }
  return found;
}

const blockFilled = (a, block) => config.fields.some((f) => f.path[0] === block && a[f.key] !== undefined);

function checkDate(text) {
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  const vn = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : null;
  if (!parts) return say("not_date", { value: text });
  const [y, m, d] = parts.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return say("no_such_date", { value: text });
  }
  return null;
}

function problemsOf(field, a) {
  const v = a[field.key];
  const block = field.path.length > 1 ? String(field.path[0]) : "";
  if (v === undefined) {
    const needed = field.required || (field.blockRequired && block && blockFilled(a, block));
    return needed ? [field.key === "story" ? say("story", {}) : say("missing", { name: named(field) })] : [];
  }
  const found = [];
  const { minLength, maxLength, minimum } = field.limits;
  if (typeof v === "string") {
    if (field.widget === "number") {
      if (!/^\d+$/.test(v)) return [say("not_int", { name: named(field), value: v })];
      const year = Number(v);
      if (year < minimum || year > config.lastYear) {
        found.push(say("year", { year, first: config.firstYear, last: config.lastYear }));
      }
    } else if (minLength && chars(v) < minLength) {
      found.push(say("too_short", { name: named(field), limit: minLength }));
    } else if (maxLength && chars(v) > maxLength) {
      found.push(say("too_long", { name: named(field), size: chars(v), limit: maxLength }));
    }
    if (field.widget === "date") {
      const problem = checkDate(v);
      if (problem) found.push(problem);
    }
    if (field.widget === "url" && !/^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/.test(v)) {
      found.push(say("url", { url: v }));
    }
    if (field.key === "locality") {
      const parts = v.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
      const last = parts[parts.length - 1] || "";
      if (!(compact(last) in config.provinces)) found.push(say("province", { value: last }));
    }
  }
  return found;
}

function crossProblems(a) {
  const found = {};
  const kind = byKey.kind.options.find((o) => o.label === a.kind);
  if (kind && config.consentKinds.includes(kind.code) && !blockFilled(a, "consent")) {
    found.consent_by = [say("consent", { kind: kind.label.toLowerCase() })];
  }
  const formOption = byKey.award_form.options.find((o) => o.label === a.award_form);
  const level = byKey.award_level.options.find((o) => o.label === a.award_level);
  const allowed = formOption ? config.levels[formOption.code] || [] : [];
  if (formOption && level && allowed.length && !allowed.includes(level.code)) {
    const names = allowed.map((c) => byKey.award_level.options.find((o) => o.code === c)?.label).filter(Boolean);
    found.award_level = [say("level", { form: formOption.label, level: level.label, names: names.join("; ") })];
  }
  return found;
}

function validate(a) {
  const problems = crossProblems(a);
  for (const field of config.fields) {
    const own = problemsOf(field, a);
    if (own.length) problems[field.key] = [...own, ...(problems[field.key] || [])];
  }
  return problems;
}

function show(problems, touchedOnly) {
  for (const field of config.fields) {
    const box = form.querySelector(`[data-gs-field="${field.key}"]`);
    if (touchedOnly && !box.dataset.touched) continue;
    const error = box.querySelector("[data-gs-error]");
    const control = document.getElementById(`gs-f-${field.key}`);
    const list = problems[field.key] || [];
    error.hidden = !list.length;
    error.textContent = list.join(" ");
    if (list.length) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
    box.classList.toggle("gs-form__field--invalid", list.length > 0);
  }
}

function summarize(problems) {
  const summary = form.querySelector("[data-gs-summary]");
  const list = summary.querySelector("[data-gs-summary-list]");
  const keys = config.fields.map((f) => f.key).filter((k) => problems[k]);
  list.replaceChildren(...keys.map((k) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#gs-f-${k}`;
    link.textContent = `${byKey[k].label}: ${problems[k].join(" ")}`;
    item.append(link);
    return item;
  }));
  summary.querySelector("[data-gs-summary-title]").textContent =
    `Còn ${keys.length} mục cần sửa trước khi tạo tệp:`;
  summary.hidden = keys.length === 0;
  if (keys.length) summary.focus();
}

// -- the record file, as proposal.record_text writes it -------------------------------------------------------

function frontMatter(a) {
  const data = {};
  for (const field of config.fields) {
    let v = a[field.key];
    if (!field.path.length || v === undefined) continue;
    if (field.widget === "number" && /^\d+$/.test(v)) v = Number(v);
    let target = data;
    field.path.slice(0, -1).forEach((part, i) => {
      const next = field.path[i + 1];
      if (typeof part === "number") {
        while (target.length <= part) target.push({});
        target = target[part];
      } else {
        if (!(part in target)) target[part] = typeof next === "number" ? [] : {};
        target = target[part];
      }
    });
    target[field.path[field.path.length - 1]] = v;
  }
  return data;
}

const scalar = (v) => (typeof v === "number" ? String(v) : typeof v === "boolean" ? String(v) : JSON.stringify(v));

function emit(data, indent = 0) {
  const pad = " ".repeat(indent);
  const lines = [];
  for (const [key, v] of Object.entries(data)) {
    if (Array.isArray(v)) {
      lines.push(`${pad}${key}:`);
      for (const item of v) {
        if (item && typeof item === "object") {
          const inner = emit(item, indent + 4);
          lines.push(`${pad}  - ${inner[0].trimStart()}`, ...inner.slice(1));
        } else {
          lines.push(`${pad}  - ${scalar(item)}`);
        }
      }
    } else if (v && typeof v === "object") {
      lines.push(`${pad}${key}:`, ...emit(v, indent + 2));
    } else {
      lines.push(`${pad}${key}: ${scalar(v)}`);
    }
  }
  return lines;
}

function recordPath(a) {
  const parts = (a.locality || "").split(/[,;]/).filter((s) => s.trim());
  const last = parts.length ? parts[parts.length - 1] : "";
  const folder = parts.length ? config.provinces[compact(last)] || slugify(last) || "khac" : "khac";
  return `${config.exemplars}/${folder}/${slugify(a.name || "") || "ho-so-moi"}.md`;
}

function recordText(a, path) {
  const depth = path.split("/").length - 1;
  const schema = `# yaml-language-server: $schema=${"../".repeat(depth)}${config.schemaFile}`;
  return `---\n${[schema, ...emit(frontMatter(a))].join("\n")}\n---\n${a.story}\n`;
}

// -- the answers survive a reload (kept in this browser only) --------------------------------------------------

const STORE = "guongsang-gui-cau-chuyen";

function save() {
  const kept = {};
  for (const field of config.fields) {
    kept[field.key] = field.widget === "multi" ? value(field) : form.elements[field.key].value;
  }
  try { localStorage.setItem(STORE, JSON.stringify(kept)); } catch { /* private mode: nothing kept */ }
}

function restore() {
  let kept = null;
  try { kept = JSON.parse(localStorage.getItem(STORE) || "null"); } catch { kept = null; }
  if (!kept) return;
  for (const field of config.fields) {
    const v = kept[field.key];
    if (v === undefined) continue;
    if (field.widget === "multi") {
      form.querySelectorAll(`input[name="${field.key}"]`).forEach((box) => { box.checked = v.includes(box.value); });
    } else {
      form.elements[field.key].value = v;
    }
  }
  form.querySelector("[data-gs-restored]").hidden = false;
}

// -- the movements, grouped by field: each group says how many are ticked and opens when it has some ------------

function countPicked(openPicked) {
  for (const group of form.querySelectorAll("[data-gs-choice-group]")) {
    const picked = group.querySelectorAll("input:checked").length;
    group.querySelector("[data-gs-picked]").textContent = picked ? `(đã chọn ${picked})` : "";
    if (openPicked && picked) group.open = true;
  }
}

form.addEventListener("input", save);
form.addEventListener("change", save);
form.addEventListener("change", () => countPicked(false));
form.querySelector("[data-gs-reset]").addEventListener("click", () => {
  try { localStorage.removeItem(STORE); } catch { /* nothing kept */ }
  form.reset();
  form.querySelectorAll("[data-gs-field]").forEach((box) => { delete box.dataset.touched; });
  show({}, false);
  summarize({});
  result.hidden = true;
  form.querySelector("[data-gs-restored]").hidden = true;
  countPicked(false);
});
restore();
countPicked(true);

// -- wiring ------------------------------------------------------------------------------------------------------

form.addEventListener("change", (event) => {
  const box = event.target.closest("[data-gs-field]");
  if (box) box.dataset.touched = "1";
  show(validate(answers()), true);
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  form.querySelectorAll("[data-gs-field]").forEach((box) => { box.dataset.touched = "1"; });
  const a = answers();
  const problems = validate(a);
  show(problems, false);
  summarize(problems);
  if (Object.keys(problems).length) {
    result.hidden = true;
    return;
  }
  const path = recordPath(a);
  const text = recordText(a, path);
  result.querySelector("[data-gs-filename]").textContent = path;
  result.querySelector("[data-gs-preview]").textContent = text;
  offerMail(a, path, text);
  const github = result.querySelector("[data-gs-github]");
  const query = `filename=${encodeURIComponent(path)}&value=${encodeURIComponent(text)}`;
  github.href = `${repo}/new/${branch}?${query}`;
  const tooLong = github.href.length > MAX_URL;
  github.hidden = tooLong;
  result.querySelector("[data-gs-too-long]").hidden = !tooLong;
  result.dataset.text = text;
  result.dataset.filename = path.split("/").pop();
  result.hidden = false;
  result.querySelector("#gs-result-title").focus();
});

result.querySelector("[data-gs-download]").addEventListener("click", () => {
  const blob = new Blob([result.dataset.text], { type: "text/markdown;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = result.dataset.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});

// -- e-mail to the office, and the text copied -----------------------------------------------------------------

function offerMail(a, path, text) {
  const mail = result.querySelector("[data-gs-mail]");
  if (!mail) return;
  const filename = path.split("/").pop();
  const subject = fill(words.subject, { name: a.name });
  const address = (body) => `mailto:${mail.dataset.gsOffice}?subject=${encodeURIComponent(subject)}` +
    `&body=${encodeURIComponent(body)}`;
  const params = { office: mail.dataset.gsOfficeName, title: a.title, name: a.name, filename };
  const full = address(`${fill(words.mailFull, params)}${text}`);
  const fits = full.length <= MAX_MAILTO;
  mail.href = fits ? full : address(fill(words.mailShort, params));
  result.querySelector("[data-gs-mail-short]").hidden = fits;
}

result.querySelector("[data-gs-copy-record]").addEventListener("click", async () => {
  const status = result.querySelector("[data-gs-copy-record-status]");
  try {
    await navigator.clipboard.writeText(result.dataset.text);
  } catch {
    const area = document.createElement("textarea");
    area.value = result.dataset.text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  status.textContent = "Đã sao chép nội dung hồ sơ: dán vào thư gửi cơ quan.";
});
