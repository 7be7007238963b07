// Date labels that claim no more precision than the data has ("June 2024", "week of 21 Oct
// 2024", "Q3 2024"). Same rules as timeline/web/dates.py (the TimelineJS export).

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

function parts(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return { y, m, d };
}

export function dayLabel(iso) {
  const { y, m, d } = parts(iso);
  return `${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`;
}

// ISO 8601 week ("2024-W32") for <time datetime>.
function isoWeek(iso) {
  const { y, m, d } = parts(iso);
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date - yearStart) / 86400000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function season(m) {
  if (m === 12 || m <= 2) return "Winter";
  if (m <= 5) return "Spring";
  if (m <= 8) return "Summer";
  return "Autumn";
}

function ordinal(n) {
  if (n % 100 >= 10 && n % 100 <= 20) return `${n}th`;
  return `${n}${{ 1: "st", 2: "nd", 3: "rd" }[n % 10] || "th"}`;
}

// { label, datetime } for an item's date; datetime is null when no valid value says it honestly.
export function describeDate(item) {
  const precision = item.datePrecision;
  const start = item.dateStart;
  if (!start || precision === "UNKNOWN") {
    return {
      label: `Date unknown (reported ${dayLabel(item.sortDate)})`,
      datetime: item.sortDate,
      undated: true,
    };
  }
  const { y, m } = parts(start);
  switch (precision) {
    case "DAY":
      return { label: dayLabel(start), datetime: start };
    case "WEEK":
      return { label: `week of ${dayLabel(start)}`, datetime: isoWeek(start) };
    case "MONTH":
      return { label: `${MONTHS[m - 1]} ${y}`, datetime: start.slice(0, 7) };
    case "SEASON": {
      const name = season(m);
      const endYear = item.dateEnd ? parts(item.dateEnd).y : y;
      const label = name === "Winter" && endYear !== y
        ? `Winter ${y}–${String(endYear).slice(-2)}` : `${name} ${y}`;
      return { label, datetime: String(y) };
    }
    case "QUARTER":
      return { label: `Q${Math.floor((m - 1) / 3) + 1} ${y}`, datetime: String(y) };
    case "YEAR":
      return { label: String(y), datetime: String(y) };
    case "DECADE":
      return { label: `${y - (y % 10)}s`, datetime: null };
    case "CENTURY":
      return { label: `${ordinal(Math.floor(y / 100) + 1)} century`, datetime: null };
    default:
      return { label: dayLabel(start), datetime: start };
  }
}

export function todayIso() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A scheduled event whose date has not passed yet.
export function isUpcoming(item, today = todayIso()) {
  const last = item.dateEnd || item.dateStart || item.sortDate;
  return item.status === "SCHEDULED" && last >= today;
}
