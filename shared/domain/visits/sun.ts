/**
 * Sunrise and sunset from the NOAA Solar Calculator's equations (Meeus, "Astronomical Algorithms"):
 * the Sun's apparent position for the day, the hour angle at zenith 90.833° (refraction + the Sun's
 * radius), iterated once at the event itself. Accurate to about a minute at Jharkhand's latitudes.
 */
const IST_OFFSET_MIN = 330;
const rad = Math.PI / 180;

function julianCentury(jd: number): number {
  return (jd - 2451545) / 36525;
}

function julianDay(date: string): number {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return ms / 86_400_000 + 2440587.5;
}

function solarParams(t: number): { declination: number; eqTimeMin: number } {
  const l0 = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360;
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const c =
    Math.sin(m * rad) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(2 * m * rad) * (0.019993 - 0.000101 * t) + Math.sin(3 * m * rad) * 0.000289;
  const trueLong = l0 + c;
  const omega = 125.04 - 1934.136 * t;
  const lambda = trueLong - 0.00569 - 0.00478 * Math.sin(omega * rad);
  const eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const eps = eps0 + 0.00256 * Math.cos(omega * rad);
  const declination = Math.asin(Math.sin(eps * rad) * Math.sin(lambda * rad)) / rad;
  const y = Math.tan((eps / 2) * rad) ** 2;
  const eqTime =
    y * Math.sin(2 * l0 * rad) -
    2 * e * Math.sin(m * rad) +
    4 * e * y * Math.sin(m * rad) * Math.cos(2 * l0 * rad) -
    0.5 * y * y * Math.sin(4 * l0 * rad) -
    1.25 * e * e * Math.sin(2 * m * rad);
  return { declination, eqTimeMin: (4 * eqTime) / rad };
}

/** UTC minutes after midnight of the event, or null when the Sun does not rise/set (polar; never in India). */
function eventUtcMin(date: string, lat: number, lon: number, rising: boolean): number | null {
  const jd = julianDay(date);
  let utc = 720 - 4 * lon; // start at local noon
  for (let i = 0; i < 2; i++) {
    const { declination, eqTimeMin } = solarParams(julianCentury(jd + utc / 1440));
    const cosH =
      Math.cos(90.833 * rad) / (Math.cos(lat * rad) * Math.cos(declination * rad)) - Math.tan(lat * rad) * Math.tan(declination * rad);
    if (cosH < -1 || cosH > 1) return null;
    const hourAngle = Math.acos(cosH) / rad;
    utc = 720 - 4 * (lon + (rising ? hourAngle : -hourAngle)) - eqTimeMin;
  }
  return utc;
}

export interface SunTimes {
  /** Minutes after midnight IST. */
  sunriseMin: number;
  sunsetMin: number;
}

/**
 * Planning asks for the same (date, place) thousands of times — every probe of the suggestion engine
 * checks its helicopter legs — so each is computed once. Bounded: cleared when it grows past a season
 * of days × every venue.
 */
const sunCache = new Map<string, SunTimes>();
const SUN_CACHE_MAX = 50_000;

export function sunTimesIst(date: string, lat: number, lon: number): SunTimes {
  const key = `${date}|${lat}|${lon}`;
  const hit = sunCache.get(key);
  if (hit) return hit;
  if (sunCache.size >= SUN_CACHE_MAX) sunCache.clear();
  const times = computeSunTimesIst(date, lat, lon);
  sunCache.set(key, times);
  return times;
}

function computeSunTimesIst(date: string, lat: number, lon: number): SunTimes {
  const rise = eventUtcMin(date, lat, lon, true);
  const set = eventUtcMin(date, lat, lon, false);
  // Not reachable at Indian latitudes; a whole-day fallback keeps the type simple.
  return Object.freeze({ sunriseMin: rise == null ? 0 : rise + IST_OFFSET_MIN, sunsetMin: set == null ? 1440 : set + IST_OFFSET_MIN });
}
