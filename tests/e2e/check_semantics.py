#!/usr/bin/env python3
"""Independent reference implementation of the numeric contract
(shared/design/semantics.md incl. "Version 1.1", plan-format.md incl. 1.1,
cli.md JSON output), cross-checked against `plancheck evaluate --format json`
on random plans.

    check_semantics.py PLANCHECK [N_PLANS=300] [--seed S] [--verbose] [--keep DIR]

Written from the contract files only (not from the tool's sources or its
docs/semantics-choices.md).  Python 3 standard library only.

Readings where the contract is silent (inputs that hit these corners are
either not generated, or the field concerned is not checked -- SKIP):
  R1  "= x" is a maintained target like "duy trì x" (plan-format table row
      "(maintain)"); "= x" / "duy trì x" are not generated under
      better: neither, and maintained targets are not combined with valid_for.
  R2  t used for gap and required_pace is the bound that must be crossed:
      for "khoảng x" under higher (lower) that is x - tol (x + tol), for a
      range under higher (lower) its low (high) bound ("met from 80 up").
      This is the only t for which "ρ ≥ 1 exactly when projected satisfies
      the target" holds.
  R3  progress for ranges / "about" targets / better: neither, and expected
      (path node) for "about" targets under higher/lower: not checked (the
      contract does not say which t).  expected for better: neither is not
      checked either (1.1 §3 "schedule uses the nearer bound" vs §4 midpoint);
      only "schedule is null inside the band" is checked.
  R4  The trend line for attainment_year is the line through the latest point
      with slope b (as for projected), unclamped; attainment_year is null
      without a trend (not checked when met without a trend).  Not checked
      under --method cagr.
  R5  Milestone (stage) indicators: progress uses stage indices
      (cur - s0)/(k - s0); flags use false=0/true=1; flags never have
      `expected`/`schedule` ("a yes/no target has no path").  A stage
      indicator's expected/schedule are only checked where the schedule rule
      (1.1 §2) decides the status.
  R6  gap_units is checked only for "≥"-like (lower-bound) targets on `%`
      ratios whose latest value has numerator/denominator; ceil/floor are
      taken with 1e-9 slack (ceil(x - 1e-9)) like the met comparison.
  R7  Maintained targets: apart from status/met/reason/required_pace/pace_ratio
      (1.1 §1) every field is computed as usual from the latest value.
  R8  valid_for (1.1 §4): "re-recognition due by" is r+N (checked exactly only
      when T == r+N, else as a prefix); gap is not checked unless met or the
      schedule rule applies; flags with valid_for only get `true` values.
  R9  CAGR: statuses of zero / sign-changing data or yL - y0 < 1 are checked
      (unknown, with a reason) only when T > A and not met; "zero values"
      are a base value or target of 0 (what Open SDG replaces by 0.001); a
      latest value of 0 (CAGR_obs = -1) is not checked; their projected
      is not checked; required_pace / pace_ratio are checked only when the
      status is decided by R, when lapsed (null, 1.1 §1) and pace_ratio when
      met inside a better: neither band (null, 1.1 §3); "about" targets,
      t == v0, `%` projections above 100, --window and stage/flag indicators
      are not generated/checked with cagr.  The indicator's `trend` under
      cagr is CAGR_obs from the base point to the latest point (a growth
      rate per year, as plancheck documents it: the CAGR section replaces
      the trend with the observed growth), null where CAGR_obs is undefined.
  R10 A baseline and an actual in the same year: progress / expected /
      schedule (which use "the baseline") are not checked (linear only).
  R11 --window N: points with yL - N < year <= yL; N is only used when no
      indicator has a point exactly at yL - N (so both readings agree).
  R12 required_pace = 0 (strict target with vL exactly on the bound): ρ and
      the at-risk/off-track choice are not checked.
  R13 No point at all (nothing <= A): met false, every number null, status
      unknown with a reason.  Default as-of with no actuals anywhere: plans
      state `plan: {baseline_year: Y}` and give baselines only in year Y.
  R14 reason: exact texts where the contract gives them; otherwise non-null
      exactly when status is unknown, null for every other status.
  R15 Not generated: actuals before an indicator's baseline year, target
      years <= the baseline year (or, without a baseline, <= the first
      actual year for stage indicators), an as-of year before a baseline,
      "< 0" / "> 100%" targets, neither-bands near the clamping limits,
      negative numbers other than bare YAML numbers, false values for flags
      with valid_for, a better: lower milestone/flag.

Output: disagreements grouped by (field, kind, method), with the branch of
the contract each came from, and 2 examples each re-run as the smallest
one-indicator plan; then "N passed, M failed" (exit 1 on any disagreement).
"""
import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

EPS = 1e-9
SKIP = object()   # field not checked (contract silent, see readings)


class Reason:
    def __init__(self, kind, text=None):
        self.kind, self.text = kind, text

    def ok(self, got):
        if self.kind == 'null':
            return got is None
        if self.kind == 'nonnull':
            return isinstance(got, str) and got != ''
        if self.kind == 'exact':
            return got == self.text
        return isinstance(got, str) and got.startswith(self.text)

    def __repr__(self):
        return {'null': 'null', 'nonnull': '<any reason>'}.get(
            self.kind, json.dumps(self.text, ensure_ascii=False)
            + ('...' if self.kind == 'prefix' else ''))


R_NULL, R_ANY = Reason('null'), Reason('nonnull')

# ---------------------------------------------------------------- units

def unit_class(unit):
    """semantics 1.1 §6: counts vs money / rates / index / none."""
    if unit is None:
        return 'none'
    if unit == '%':
        return 'pct'
    u = unit.lower()
    if 'vnd' in u or 'vnđ' in u or 'đồng' in u:
        return 'money'
    if '/' in u or re.search(r'\bper\b', u):
        return 'rate'
    if u == 'index':
        return 'index'
    return 'count'


def clamp(ind, p):
    """semantics §6 + 1.1 §6: % in [0, 100], counts >= 0, nothing else."""
    c = unit_class(ind.get('unit'))
    if c == 'pct':
        return min(100.0, max(0.0, p))
    if c == 'count':
        return max(0.0, p)
    return p

# ---------------------------------------------------------------- targets
# A target spec: {'form': ge|gt|le|lt|plain|range|about|eq, 'x', 'a', 'b'}
# or {'form': 'stage', 'k', 'maint'} / {'form': 'flag', 'maint'}.

def tolerance(ind, x):
    """plan-format table: key `tolerance`, default 2 for % else 2.5 % of x."""
    if 'tolerance' in ind:
        return float(ind['tolerance'])
    return 2.0 if ind.get('unit') == '%' else 0.025 * abs(x)


def condition(ind, sp):
    """(lo, lo_strict, hi, hi_strict): plan-format table + 1.1 (directions)."""
    b, f = ind.get('better', 'higher'), sp['form']
    if f == 'ge':
        return (sp['x'], False, None, False)
    if f == 'gt':
        return (sp['x'], True, None, False)
    if f == 'le':
        return (None, False, sp['x'], False)
    if f == 'lt':
        return (None, False, sp['x'], True)
    if f in ('plain', 'about', 'eq'):
        x = sp['x']
        t = tolerance(ind, x) if (f == 'about' or (f == 'plain' and b == 'neither')) else 0.0
        if b == 'higher':
            return (x - t, False, None, False)
        if b == 'lower':
            return (None, False, x + t, False)
        return (x - t, False, x + t, False)
    if f == 'range':
        if b == 'higher':
            return (sp['a'], False, None, False)
        if b == 'lower':
            return (None, False, sp['b'], False)
        return (sp['a'], False, sp['b'], False)
    raise ValueError(f)


def sat(v, c):
    """semantics §1: strict is strict; within 1e-9 of a bound = on it."""
    lo, los, hi, his = c
    if lo is not None and not ((v > lo + EPS) if los else (v >= lo - EPS)):
        return False
    if hi is not None and not ((v < hi - EPS) if his else (v <= hi + EPS)):
        return False
    return True


def nearer(v, c):
    """semantics §2/§7, 1.1 §3: the bound to move to and direction d."""
    lo, _, hi, _ = c
    if lo is not None and (hi is None or v <= lo + EPS or abs(v - lo) <= abs(v - hi)):
        return lo, 1
    return hi, -1


def gap_of(v, c):
    """semantics §2: never negative, 0 when satisfied."""
    if sat(v, c):
        return 0.0
    t, d = nearer(v, c)
    return max(0.0, (t - v) * d)


def path_node(ind, sp):
    """semantics §4: milestone threshold on the plan's path (range: midpoint)."""
    f = sp['form']
    if f == 'range':
        return (sp['a'] + sp['b']) / 2
    if f == 'about':
        return SKIP                       # R3
    return sp['x']


def progress_t(ind, sp):
    if ind.get('better') == 'neither' or sp['form'] in ('range', 'about'):
        return SKIP                       # R3
    return sp['x']


def interp(nodes, y):
    """Piecewise-linear through (year, value) nodes, flat after the last."""
    nodes = sorted(nodes)
    for yy, v in nodes:
        if yy == y:
            return v
    if y < nodes[0][0]:
        return SKIP
    for (y1, v1), (y2, v2) in zip(nodes, nodes[1:]):
        if y1 < y < y2:
            if v1 is SKIP or v2 is SKIP:
                return SKIP
            return v1 + (v2 - v1) * (y - y1) / (y2 - y1)
    return nodes[-1][1]


def ols(pts):
    """semantics §5: OLS slope; needs >= 2 points in distinct years."""
    if len(pts) < 2:
        return None
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx

# ---------------------------------------------------------------- points

def value_of(ind, raw):
    kind = ind.get('kind', 'number')
    if kind == 'milestone':
        return ind['stages'].index(raw)
    if kind == 'flag':
        return 1 if raw else 0
    if isinstance(raw, dict):
        q = raw['numerator'] / raw['denominator']
        return q * 100 if ind.get('unit') == '%' else q
    return float(raw)


def points(ind, acts, A):
    """semantics Terms: baseline + actuals with year <= A; actual wins.
    -> sorted [(year, value, raw, is_actual)]"""
    d = {}
    bl = ind.get('baseline')
    if bl and bl['year'] <= A:
        d[bl['year']] = (bl['year'], value_of(ind, bl['value']), bl['value'], False)
    for y, raw in (acts or {}).items():
        if y <= A:
            d[y] = (y, value_of(ind, raw), raw, True)
    return [d[y] for y in sorted(d)]

# ---------------------------------------------------------------- evaluation

def empty_ms():
    return dict(met=False, status='unknown', gap=None, gap_units=None, progress=None,
                expected=None, schedule=None, projected=None, required_pace=None,
                pace_ratio=None, attainment_year=None, reason=R_ANY, branch='no point')


def lapses(ind, sp, c, pts, T, A):
    """semantics 1.1 §1: actual values with year <= min(T, A) that fail."""
    if not sp.get('maint'):
        return []
    return [y for y, v, _, act in pts if act and y <= min(T, A) and not sat(v, c)]


def lapse_reason(ys):
    return Reason('exact', 'not maintained in ' + ', '.join(str(y) for y in ys))


def eval_numeric(ind, acts, A, method, window):
    """number and ratio indicators (semantics §1-§9, cagr, 1.1 §1 §3 §5 §6)."""
    pts = points(ind, acts, A)
    out = {'latest': None, 'trend': None, 'ms': {}}
    targets = ind['_specs']
    if not pts:
        out['ms'] = {T: empty_ms() for T in targets}
        return out
    yL, vL, rawL, _ = pts[-1]
    out['latest'] = (yL, vL)
    wpts = [p for p in pts if window is None or p[0] > yL - window]   # R11
    b = ols([(p[0], p[1]) for p in wpts])
    out['trend'] = b if method != 'cagr' else observed_growth(ind, pts)   # R9
    bl = ind.get('baseline')
    same_year = bool(bl) and bl['year'] in (acts or {}) and bl['year'] <= A   # R10
    better = ind.get('better', 'higher')
    neither = better == 'neither'
    # §4 the plan's own path
    if bl and not same_year and not neither:
        nodes = [(bl['year'], float(bl['value']))] + \
                [(T, path_node(ind, sp)) for T, sp in targets.items()]
        expected = interp(nodes, yL)
    elif bl and not same_year and neither:
        expected = SKIP
    elif bl:
        expected = SKIP
    else:
        expected = None
    for T, sp in targets.items():
        c = condition(ind, sp)
        m = {}
        lap = lapses(ind, sp, c, pts, T, A)
        met = sat(vL, c) and not lap
        m['met'] = met
        m['gap'] = gap_of(vL, c)
        # §2 gap_units (R6)
        m['gap_units'] = None
        if ind.get('kind') == 'ratio' and isinstance(rawL, dict):
            lo, los, hi, _ = c
            if lo is None or hi is not None or ind.get('unit') != '%':
                m['gap_units'] = SKIP
            else:
                n, d = rawL['numerator'], rawL['denominator']
                if los:
                    m['gap_units'] = max(0, math.floor(lo / 100 * d + EPS) + 1 - n)
                else:
                    m['gap_units'] = max(0, math.ceil(lo / 100 * d - n - EPS))
        # §3 progress
        if not bl:
            m['progress'] = None
        elif same_year:
            m['progress'] = SKIP
        else:
            t = progress_t(ind, sp)
            v0 = float(bl['value'])
            m['progress'] = SKIP if t is SKIP else (None if abs(t - v0) < EPS else (vL - v0) / (t - v0))
        # §4 expected / schedule (1.1 §3: neither -> null inside the band)
        m['expected'] = expected
        if expected is None:
            m['schedule'] = None
        elif neither:
            m['schedule'] = None if sat(vL, c) else SKIP
        elif expected is SKIP:
            m['schedule'] = SKIP
        else:
            m['schedule'] = (vL - expected) * (-1 if better == 'lower' else 1)
        t, d = nearer(vL, c)
        if method == 'linear':
            eval_linear(ind, m, c, T, A, yL, vL, b, t, lap, met)
        else:
            eval_cagr(ind, m, c, sp, T, A, yL, vL, pts, t, d, lap, met)
        out['ms'][T] = m
    return out


def eval_linear(ind, m, c, T, A, yL, vL, b, t, lap, met):
    # §6 projected
    m['projected'] = clamp(ind, vL + b * (T - yL)) if (b is not None and T > yL) else None
    # §7 + 1.1 §5 required_pace (without trend too), pace_ratio (needs trend)
    req = (t - vL) / (T - yL) if (T > yL and not met and not lap) else None
    m['required_pace'] = req
    rho = None
    if req is not None and b is not None:
        rho = SKIP if req == 0 else b / req               # R12
    m['pace_ratio'] = rho
    # §8 attainment_year (R4)
    att = None
    if b is not None:
        for y in range(yL, 2046):
            if sat(vL + b * (y - yL), c):
                att = y
                break
    elif met:
        att = SKIP
    m['attainment_year'] = att
    # §9 status
    if lap:
        st, why, br = 'missed', lapse_reason(lap), 'maintained lapse'
    elif met:
        st, why, br = 'met', R_NULL, 'met'
    elif T <= A:
        st, why, br = 'missed', R_NULL, 'missed'
    elif b is None:
        st, why, br = 'unknown', R_ANY, 'no trend'
    elif sat(m['projected'], c):
        st, why, br = 'on-track', R_NULL, 'projection'
    elif rho is SKIP:
        st, why, br = SKIP, SKIP, 'req=0'
    else:
        st, why, br = ('at-risk' if rho >= 0.6 else 'off-track'), R_NULL, 'pace ratio'
    m['status'], m['reason'], m['branch'] = st, why, 'linear: ' + br


def observed_growth(ind, pts):
    """CAGR_obs from the base point (the baseline, else the earliest point)
    to the latest; None where it is undefined (R9)."""
    bl = ind.get('baseline')
    y0, v0 = (bl['year'], float(bl['value'])) if bl else (pts[0][0], pts[0][1])
    yL, vL = pts[-1][0], pts[-1][1]
    if yL - y0 < 1 or v0 == 0 or (v0 > 0 and vL < 0) or (v0 < 0 and vL > 0):
        return None
    return (vL / v0) ** (1 / (yL - y0)) - 1


def eval_cagr(ind, m, c, sp, T, A, yL, vL, pts, t, d, lap, met):
    """semantics "--method cagr" (Open SDG progress measure)."""
    bl = ind.get('baseline')
    y0, v0 = (bl['year'], float(bl['value'])) if bl else (pts[0][0], pts[0][1])
    m['attainment_year'] = SKIP                                     # R4
    # "Zero or sign-changing values": the zeros Open SDG replaces by 0.001 are
    # the base value and the target; base and latest of opposite signs.  A
    # latest value of 0 (CAGR_obs = -1) is left open (R9).
    bad = v0 == 0 or t == 0 or (v0 < 0) != (vL < 0 and vL != 0)
    open_zero = vL == 0 and not bad
    short = yL - y0 < 1
    cobs = None if (bad or short or open_zero) else (vL / v0) ** (1 / (yL - y0)) - 1
    if cobs is None:
        m['projected'] = SKIP                                       # R9
    elif T > yL:
        p = clamp(ind, vL * (1 + cobs) ** (T - yL))
        m['projected'] = SKIP if (ind.get('unit') == '%' and p >= 100) else p
    else:
        m['projected'] = None
    if lap:
        st, why, br = 'missed', lapse_reason(lap), 'maintained lapse'
        m['required_pace'] = m['pace_ratio'] = None
    elif met:
        # R9: cagr's R and CAGR_req are unconditional; only "inside the band"
        # (better: neither) pins pace_ratio to null (1.1 §3).
        st, why, br = 'met', R_NULL, 'met'
        m['required_pace'] = SKIP
        m['pace_ratio'] = None if ind.get('better') == 'neither' else SKIP
    else:
        m['required_pace'] = m['pace_ratio'] = SKIP
        if open_zero:
            st, why, br = SKIP, SKIP, 'latest 0'
        elif bad or short:
            if T <= A:
                st, why, br = SKIP, SKIP, 'zero/short & past'
            else:
                st, why, br = 'unknown', R_ANY, ('zero/sign' if bad else 'yL-y0<1')
        elif T <= A:
            st, why, br = 'missed', R_NULL, 'missed'
        elif sp['form'] == 'about' or abs(t - v0) < EPS or (t < 0) != (v0 < 0):
            st, why, br = SKIP, SKIP, 'ambiguous'
        else:
            s = -1 if v0 < 0 else 1
            creq = (t / v0) ** (1 / (T - y0)) - 1
            R = s * d * cobs / abs(creq)
            m['required_pace'], m['pace_ratio'] = creq, R
            st = 'on-track' if R >= 0.95 else 'at-risk' if R >= 0.6 else 'off-track'
            why, br = R_NULL, 'R'
    m['status'], m['reason'], m['branch'] = st, why, 'cagr: ' + br


def eval_discrete(ind, acts, A):
    """milestone (stage) and flag indicators: 1.1 §1, §2, §4; §2 gap."""
    pts = points(ind, acts, A)
    flag = ind.get('kind') == 'flag'
    out = {'latest': None, 'trend': None, 'ms': {}}
    targets = ind['_specs']
    if not pts:
        out['ms'] = {T: empty_ms() for T in targets}
        return out
    yL, cur, rawL, _ = pts[-1]
    out['latest'] = (yL, rawL)
    bl = ind.get('baseline')
    N = ind.get('valid_for')
    for T, sp in targets.items():
        k = 1 if flag else sp['k']
        m = dict(gap_units=None, projected=None, required_pace=None, pace_ratio=None,
                 attainment_year=None, expected=SKIP, schedule=SKIP)
        if flag:
            m['expected'] = m['schedule'] = None                     # R5
        s0 = value_of(ind, bl['value']) if bl else None
        m['progress'] = None if (s0 is None or k == s0) else (cur - s0) / (k - s0)   # R5
        m['gap'] = max(0, k - cur)
        if N:                                                        # 1.1 §4
            def held(y):
                rec = [p for p in pts if p[0] <= y]
                return rec[-1][1] if rec and rec[-1][0] >= y - N + 1 else None
            if T <= A:
                h = held(T)
                met = h is not None and h >= k
                st, why, br = ('met' if met else 'missed'), R_NULL, 'vf: T<=A'
                if not met:
                    m['gap'] = SKIP
            else:
                r = yL
                heldA = r >= A - N + 1
                met = heldA and cur >= k and r + N - 1 >= T
                if met:
                    st, why, br = 'met', R_NULL, 'vf: held'
                elif heldA and cur >= k:
                    txt = f'recognition of {r} expires after {r + N - 1}; re-recognition due by'
                    why = Reason('exact', f'{txt} {r + N}') if T == r + N else Reason('prefix', txt)
                    st, br = 'at-risk', 'vf: expires before T'
                    m['gap'] = SKIP
                elif not heldA:
                    st, br = 'off-track', 'vf: expired'
                    why = Reason('exact', f'recognition of {r} expired after {r + N - 1}; not renewed')
                    m['gap'] = SKIP
                else:
                    st, why, br = schedule_rule(ind, m, pts, bl, yL, cur, flag)
        else:
            c = (k - 0.5, False, None, False)
            lap = lapses(ind, sp, c, pts, T, A)
            met = cur >= k and not lap
            if lap:
                st, why, br = 'missed', lapse_reason(lap), 'maintained lapse'
            elif met:
                st, why, br = 'met', R_NULL, 'met'
            elif T <= A:
                st, why, br = 'missed', R_NULL, 'missed'
            else:
                st, why, br = schedule_rule(ind, m, pts, bl, yL, cur, flag)
        if met:
            m['gap'] = 0
        m.update(met=met, status=st, reason=why, branch=('flag: ' if flag else 'stage: ') + br)
        out['ms'][T] = m
    return out


def schedule_rule(ind, m, pts, bl, yL, cur, flag):
    """semantics 1.1 §2 (the plan's schedule for stages; flags have no path)."""
    if flag:
        return 'unknown', Reason('exact', 'a yes/no target has no path'), 'no path'
    if bl and bl['year'] < yL:
        start = (bl['year'], value_of(ind, bl['value']))
    elif pts[0][0] < yL:
        start = (pts[0][0], pts[0][1])
    else:
        return 'unknown', Reason('exact', "no baseline stage for the plan's schedule"), 'no path start'
    nodes = [start] + [(T, sp['k']) for T, sp in ind['_specs'].items() if T > start[0]]
    exp = math.floor(interp(nodes, yL) + 1e-9)
    sched = cur - exp
    m['expected'], m['schedule'] = exp, sched
    lag = -sched
    st = 'on-track' if lag <= 0 else 'at-risk' if lag == 1 else 'off-track'
    return st, R_NULL, f'schedule lag {min(lag, 2) if lag > 0 else "<=0"}'


def evaluate(plan, A, method, window):
    """The whole report: per milestone, per indicator (next milestone), counts."""
    inds = {}
    counts = {s: 0 for s in ('met', 'on-track', 'at-risk', 'off-track', 'missed', 'unknown')}
    for ind in plan['indicators']:
        acts = plan.get('actuals', {}).get(ind['id'])
        if ind.get('kind') in ('milestone', 'flag'):
            r = eval_discrete(ind, acts, A)
        else:
            r = eval_numeric(ind, acts, A, method, window)
        years = sorted(r['ms'])
        nxt = next((T for T in years if T >= A), years[-1])     # "Per indicator"
        r['status'] = r['ms'][nxt]['status']
        if r['status'] is SKIP or counts is None:
            counts = None
        else:
            counts[r['status']] += 1
        inds[ind['id']] = r
    return {'as_of': A, 'inds': inds, 'counts': counts}


def default_as_of(plan):
    """semantics Terms: latest year with any actual, else the plan's baseline year."""
    ys = [y for a in plan.get('actuals', {}).values() for y in a]
    return max(ys) if ys else plan['plan']['baseline_year']

# ---------------------------------------------------------------- generation

RANGES = {'pct': (0, 100, 1), 'count': (0, 500, 0), 'money': (0, 5000, 1),
          'rate': (0, 60, 2), 'index': (0, 100, 2), 'none': (0, 100, 1), 'neg': (-50, 50, 1)}
UNITS = {'pct': ['%'], 'count': ['schools', 'pupils', 'classes', 'phòng học', 'giáo viên'],
         'money': ['triệu VNĐ', 'million VND', 'tỷ đồng', 'VND'],
         'rate': ['per 1000', 'học sinh/lớp', 'pupils per class'], 'index': ['index'],
         'none': [None], 'neg': [None]}
STAGE_SETS = [['s0', 's1', 's2', 's3', 's4'],
              ['mức 0', 'mức 1', 'mức 2', 'mức 3'],
              ['chưa đánh giá', 'đang thực hiện', 'hoàn thành giai đoạn 1', 'hoàn thành giai đoạn 2']]


def rnd(x, dp):
    return int(round(x)) if dp == 0 else round(x, dp)


def fnum(x, comma=False, money=False):
    if float(x).is_integer():
        x = int(x)
        if money and x >= 1000 and random.random() < 0.5:
            return f'{x // 1000}.{x % 1000:03d}'      # "344.050" thousands (plan-format)
        return str(x)
    s = repr(round(float(x), 3))
    return s.replace('.', ',') if comma else s


def render(ind, sp, rng):
    """A target expression in one of plan-format.md's wordings."""
    f = sp['form']
    pct = ind.get('unit') == '%'
    money = unit_class(ind.get('unit')) == 'money'
    P = '%' if pct and rng.random() < 0.7 else ''

    def n(x):
        return fnum(x, comma=rng.random() < 0.2, money=money) + P
    if f == 'stage':
        nm = ind['stages'][sp['k']]
        return ('duy trì ' + nm) if sp.get('maint') else nm
    if f == 'flag':
        return 'duy trì' if sp.get('maint') else True
    x = sp.get('x')
    if x is not None and x < 0:
        return x                                            # bare YAML number
    if f == 'ge':
        return rng.choice(['>= {}', '≥ {}', 'tối thiểu {}', 'ít nhất {}', 'từ {} trở lên']).format(n(x))
    if f == 'gt':
        return rng.choice(['> {}', 'trên {}', 'hơn {}']).format(n(x))
    if f == 'le':
        return rng.choice(['<= {}', '≤ {}', 'tối đa {}', 'không quá {}']).format(n(x))
    if f == 'lt':
        return rng.choice(['< {}', 'dưới {}']).format(n(x))
    if f == 'plain':
        r = rng.random()
        if r < 0.35:
            return x
        return (n(x) if r < 0.7 else 'đạt ' + n(x))
    if f == 'about':
        return rng.choice(['~{}', 'khoảng {}']).format(n(x))
    if f == 'eq':
        return rng.choice(['= {}', 'duy trì {}']).format(n(x))
    if f == 'range':
        a, b = fnum(sp['a']), fnum(sp['b'])
        q = '%' if pct else ''
        return rng.choice([f'{a}-{b}{q}', f'{a}–{b}{q}', f'từ {a} đến {b}{q}',
                           f'{a}{q} - {b}{q}'])
    raise ValueError(f)


def series(rng, years, cls, v, drift):
    lo, hi, dp = RANGES[cls]
    span = hi - lo
    out = {}
    for y in years:
        out[y] = rnd(min(hi, max(lo, v)), dp)
        v += drift + rng.uniform(-0.03, 0.03) * span
    return out


def pick_target_years(rng, y0, A, n):
    pool = list(range(y0 + 1, min(2035, A + 7) + 1))
    return sorted(rng.sample(pool, min(n, len(pool))))


def gen_numeric(rng, ctx, iid, force_at_A=False):
    A, cagr = ctx['A0'], ctx['method'] == 'cagr'
    ratio = not cagr and rng.random() < 0.25 or (cagr and rng.random() < 0.2)
    sc_pool = ['random'] * 6 + ['exact'] * 2 + ['maint'] * 2 + ['notrend', 'teqv0', 'clamp', 'nodata']
    if not cagr:
        sc_pool += ['sameyear']
    else:
        sc_pool += ['zero_base', 'zero_latest', 'zero_target', 'neg', 'signchange', 'notrend']
    sc = 'random' if force_at_A else rng.choice(sc_pool)
    if ratio and sc in ('neg', 'signchange', 'clamp'):
        sc = 'random'
    if cagr and sc in ('teqv0',):
        sc = 'random'
    cls = 'pct' if ratio else rng.choice(['pct', 'pct', 'count', 'count', 'money', 'rate', 'index', 'none'])
    if sc == 'clamp':
        cls = rng.choice(['pct', 'count'])
    if sc in ('neg', 'signchange'):
        cls = 'neg'
    lo, hi, dp = RANGES[cls]
    span = hi - lo
    better = rng.choice(['higher'] * 5 + ['lower'] * 3 + ['neither'] * 2)
    if sc in ('maint',):
        better = rng.choice(['higher', 'lower'])
    if sc == 'zero_target':
        better = 'lower'
    ind = {'id': iid, 'name': iid.upper()}
    if ratio:
        ind['kind'] = 'ratio'
    if UNITS[cls][0] is not None or cls != 'none':
        u = rng.choice(UNITS[cls])
        if u is not None:
            ind['unit'] = u
    if better != 'higher' or rng.random() < 0.5:
        ind['better'] = better
    has_bl = rng.random() < 0.85 and sc != 'nodata'
    if ctx['mode'] == 'noact':
        y0 = A
        has_bl = has_bl or rng.random() < 0.8
    else:
        y0 = rng.randint(max(2018, A - 7), A - 1 if force_at_A else A)
    years = [] if ctx['mode'] == 'noact' else [y for y in range(y0 + 1, A + 1) if rng.random() < 0.6]
    if not has_bl and ctx['mode'] != 'noact':
        years = sorted(set(years + [y0]))
    if force_at_A and A not in years:
        years.append(A)
    if sc == 'notrend':
        years = [] if has_bl else [rng.choice(years or [A])]
    if sc == 'nodata':
        years = []
    if sc == 'sameyear' and has_bl:
        years = sorted(set(years + [y0]))
    if ctx['mode'] == 'given' and rng.random() < 0.4 and sc != 'nodata' or (sc == 'nodata' and ctx['mode'] == 'given' and rng.random() < 0.5):
        years += [y for y in range(A + 1, min(2035, A + 3)) if rng.random() < 0.6]
    if cagr and cls != 'neg':
        lo_v = max(lo, span * 0.05)
    else:
        lo_v = lo
    v = rng.uniform(lo_v + span * 0.05, hi - span * 0.05)
    drift = rng.uniform(-0.06, 0.06) * span
    if sc == 'clamp':
        drift = (1 if rng.random() < 0.5 else -1) * rng.uniform(0.1, 0.2) * span
        v = hi * 0.85 if drift > 0 else hi * 0.15
    if sc == 'neg':
        v, drift = rng.uniform(-45, -10), rng.uniform(-4, 4)
    if sc == 'signchange':
        v, drift = rng.uniform(-20, -5), rng.uniform(5, 10)
    all_years = sorted(set(([y0] if has_bl else []) + years))
    vals = series(rng, all_years, cls, v, drift)
    if cls == 'neg' and sc == 'neg':
        vals = {y: min(-1.0, x) for y, x in vals.items()}
    if cagr and cls != 'neg':
        vals = {y: max(x, 1 if dp == 0 else 0.5) for y, x in vals.items()}
    if sc == 'zero_base' and all_years:
        vals[all_years[0]] = 0
    if sc == 'zero_latest' and all_years:
        vals[max([y for y in all_years if y <= A] or all_years)] = 0
    # ratios: numerator/denominator actuals (plain values sometimes)
    raw = {}
    for y in all_years:
        if ratio and not (has_bl and y == y0) and rng.random() < 0.8:
            den = rng.choice([4, 5, 8, 10, 20, 25, 40] + [rng.randint(5, 60)])
            num = int(round(vals[y] / 100 * den))
            if sc == 'zero_base' and y == all_years[0] or sc == 'zero_latest' and vals[y] == 0:
                num = 0
            raw[y] = {'numerator': num, 'denominator': den}
            vals[y] = value_of(ind, raw[y])
        else:
            raw[y] = vals[y]
    if has_bl:
        ind['baseline'] = {'year': y0, 'value': raw.pop(y0) if not (sc == 'sameyear' and y0 in years) else vals[y0]}
        if sc == 'sameyear':
            raw[y0] = rnd(min(hi, max(lo, vals[y0] + rng.uniform(-0.1, 0.1) * span)), dp)
    acts = {y: raw[y] for y in years if y in raw}
    # targets
    pts = points(ind, acts, A)
    ref_v = pts[-1][1] if pts else v
    v0 = float(ind['baseline']['value']) if has_bl else ref_v
    tys = pick_target_years(rng, y0, A, rng.choice([1, 2, 2, 3]))
    forms = {'higher': ['ge', 'gt', 'plain', 'range', 'about', 'eq'],
             'lower': ['le', 'lt', 'plain', 'range', 'about', 'eq'],
             'neither': ['plain', 'about', 'range']}[better]
    if cls == 'neg':
        forms = ['plain']
    if cagr:
        forms = [f for f in forms if f not in ('about',)] or ['plain']
    tlo, thi = lo, hi
    if better == 'neither':
        tlo, thi = lo + span * 0.15, hi - span * 0.15
    specs = {}
    tdp = dp if cls != 'pct' else rng.choice([0, 1])
    tdp = min(tdp, 1)
    for i, T in enumerate(tys):
        f = rng.choice(forms)
        x = ref_v + rng.uniform(-0.12, 0.2 if better != 'lower' else 0.12) * span * (1 if better != 'lower' else -1)
        x = rnd(min(thi, max(tlo, x)), tdp)
        if f == 'lt' and x <= lo + 0.05 * span:      # "< 0" can never be met
            x = rnd(lo + 0.05 * span, tdp)
        if f == 'gt' and x >= hi - 0.05 * span:      # "> 100%" neither
            x = rnd(hi - 0.05 * span, tdp)
        if cagr and cls != 'neg' and x <= 0:
            x = 1
        if cagr and cls == 'neg':
            x = rnd(min(-1, max(-50, x)), 0) if v0 < 0 else rnd(max(1, x), 0)
        sp = {'form': f, 'x': x}
        if f == 'range':
            w = max(1, rnd(rng.uniform(0.02, 0.1) * span, tdp))
            a = rnd(min(thi - w, max(tlo, x - w / 2)), tdp)
            sp = {'form': 'range', 'a': a, 'b': rnd(a + w, tdp)}
        if f == 'eq':
            sp['maint'] = True
        specs[T] = sp
    if sc == 'exact' and pts:
        T = rng.choice(tys)
        f = specs[T]['form']
        if f in ('ge', 'gt', 'le', 'lt', 'plain', 'eq') and not isinstance(pts[-1][2], dict):
            specs[T]['x'] = pts[-1][1]
        elif isinstance(pts[-1][2], dict) and f in ('ge', 'gt', 'plain') and better != 'neither':
            q = 100 * pts[-1][2]['numerator'] / pts[-1][2]['denominator']
            if q == round(q, 1):
                specs[T]['x'] = round(q, 1)
    if sc == 'zero_target':
        specs[tys[-1]] = {'form': rng.choice(['le', 'plain']), 'x': 0}
    if sc == 'teqv0' and has_bl and better != 'neither':
        T = tys[-1]
        specs[T] = {'form': rng.choice(['ge', 'gt', 'plain'] if better == 'higher' else ['le', 'lt', 'plain']),
                    'x': float(ind['baseline']['value'])}
    if sc == 'maint' and acts:
        T = rng.choice(tys)
        ys = sorted(acts)
        x = rnd(min(thi, max(tlo, ref_v)), 0)
        specs[T] = {'form': 'eq', 'x': x, 'maint': True}
        sgn = 1 if better == 'higher' else -1
        lap = set()
        r = rng.random()
        if r < 0.4:
            lap.add(ys[0])
        elif r < 0.8:
            lap.add(A if A in acts else ys[-1])
        elif r < 0.9:
            lap.update([ys[0], ys[-1]])
        for y in ys:
            bad = y in lap
            val = x + sgn * (-1 if bad else 1) * rng.uniform(0, 0.05) * span
            if not bad and rng.random() < 0.2:
                val = x
            val = rnd(min(hi, max(lo, val)), dp)
            if bad and sat(val, condition(ind, specs[T])):
                val = rnd(min(hi, max(lo, x - sgn * max(1, 0.02 * span))), dp)
            acts[y] = val if not ratio else val
    if any(sp['form'] in ('about', 'plain') for sp in specs.values()) and rng.random() < 0.3 \
            and cls != 'neg':
        ind['tolerance'] = rng.choice([1, 3, 5, 0.5])
    ind['_specs'] = specs
    ind['targets'] = {T: render(ind, sp, rng) for T, sp in specs.items()}
    return ind, acts


def gen_discrete(rng, ctx, iid):
    A = ctx['A0']
    flag = rng.random() < 0.4
    ind = {'id': iid, 'name': iid.upper(), 'kind': 'flag' if flag else 'milestone'}
    K = 1
    if not flag:
        stages = list(rng.choice(STAGE_SETS))
        stages = stages[:rng.randint(3, len(stages))]
        ind['stages'] = stages
        K = len(stages) - 1
    sc = rng.choice(['schedule', 'schedule', 'nobase', 'base_latest', 'maint', 'maint', 'vf', 'vf', 'vf', 'past'])
    if ctx['mode'] == 'noact':
        sc = rng.choice(['base_latest', 'vf', 'schedule'])
    if flag and sc == 'nobase':
        sc = 'schedule'
    specs, acts = {}, {}
    sb = 0 if flag else rng.randint(0, max(0, K - 2))
    if sc == 'vf':
        N = rng.choice([3, 5])
        ind['valid_for'] = N
        r = A - rng.randint(0, N + 1)
        y0 = max(2018, r - rng.randint(0, 4))
        if ctx['mode'] == 'noact':
            y0 = r = A
        s_r = rng.randint(max(1, sb), K)
        ind['baseline'] = {'year': y0, 'value': True if flag else ind['stages'][sb if r != y0 else s_r]}
        if r != y0:
            mids = [y for y in range(y0 + 1, r) if rng.random() < 0.4]
            for y in mids:
                acts[y] = True if flag else ind['stages'][rng.randint(sb, K)]
            acts[r] = True if flag else ind['stages'][s_r]
        cand = {r + N - 1, r + N, r + N + 2, A + 1, A - 1, r + N - 2}
        tys = sorted(y for y in cand if y0 < y <= 2035)
        tys = sorted(rng.sample(tys, min(len(tys), rng.randint(1, 3))))
        for T in tys:
            specs[T] = {'form': 'flag'} if flag else {'form': 'stage', 'k': rng.randint(1, K)}
    else:
        has_bl = sc != 'nobase'
        if sc == 'base_latest':
            y0 = A
        else:
            y0 = rng.randint(max(2018, A - 6), A - 1)
        n_t = rng.randint(1, 3)
        lo_T = y0 + 1
        tys = sorted(rng.sample(range(lo_T, min(2035, A + 7) + 1), n_t))
        if sc != 'past' and max(tys) <= A:
            tys[-1] = A + rng.randint(1, 4)
        ks = sorted(rng.randint(sb + 1, K) for _ in tys)
        maint = sc == 'maint'
        for T, k in zip(tys, ks):
            if flag:
                specs[T] = {'form': 'flag', 'maint': maint and rng.random() < 0.7}
            else:
                specs[T] = {'form': 'stage', 'k': (sb if maint and rng.random() < 0.5 else k),
                            'maint': maint and rng.random() < 0.7}
        # yL and the stage there: relative to the schedule
        if has_bl:
            ind['baseline'] = {'year': y0, 'value': (rng.random() < 0.3 if maint is False else True) if flag
                               else ind['stages'][sb]}
        if sc != 'base_latest':
            yL = rng.randint(y0 + 1, A)
            first = y0 if not has_bl else None
            nodes = [(y0, sb)] + [(T, sp.get('k', 1)) for T, sp in specs.items()]
            exp = math.floor(interp(nodes, yL) + 1e-9) if not flag else 0
            lag = rng.choice([-1, 0, 0, 1, 1, 2, 2, 3])
            cur = min(K, max(0, exp - lag))
            ys = [y for y in range(y0 + 1, yL) if rng.random() < 0.5]
            if first is not None:
                ys = [y0] + ys
            prev = sb
            for y in ys:
                prev = rng.randint(min(prev, cur), max(prev, cur)) if not flag else rng.random() < 0.6
                acts[y] = prev if flag else ind['stages'][prev]
            acts[yL] = (rng.random() < 0.5) if flag else ind['stages'][cur]
            if maint:
                ys_all = sorted(acts)
                for y in ys_all:
                    acts[y] = True if flag else ind['stages'][max(sb, value_of(ind, acts[y]))]
                lap = rng.choice([[ys_all[0]], [ys_all[-1]], [], [ys_all[0], ys_all[-1]]])
                for y in lap:
                    acts[y] = False if flag else ind['stages'][max(0, sb - 1) if sb > 0 else 0]
                if not flag and sb == 0:
                    for T in specs:
                        specs[T]['k'] = max(1, specs[T]['k']) if specs[T].get('maint') else specs[T]['k']
                    for y in ys_all:
                        if y not in lap:
                            acts[y] = ind['stages'][max(1, value_of(ind, acts[y]))]
                    if 'baseline' in ind:
                        ind['baseline']['value'] = ind['stages'][1]
    if ctx['mode'] == 'given' and rng.random() < 0.3:
        for y in range(A + 1, min(2035, A + 3)):
            if rng.random() < 0.5:
                acts[y] = True if flag else ind['stages'][rng.randint(0, K)]
    if ctx['mode'] == 'noact':
        acts = {}
    ind['_specs'] = specs
    ind['targets'] = {T: render(ind, sp, rng) for T, sp in specs.items()}
    return ind, acts


def gen_plan(rng, k):
    method = 'cagr' if rng.random() < 0.25 else 'linear'
    mode = rng.choice(['given'] * 5 + ['default'] * 4 + ['noact'])
    A0 = rng.randint(2021, 2030)
    ctx = {'A0': A0, 'method': method, 'mode': mode}
    plan = {'plancheck': 1, 'unit': {'id': f'u{k}', 'name': f'Unit {k}'}}
    if mode == 'noact':
        plan['plan'] = {'title': 'Kế hoạch', 'baseline_year': A0}
    inds, acts = [], {}
    for i in range(rng.randint(1, 5)):
        iid = f'i{i}'
        if method == 'linear' and rng.random() < 0.4 and i > 0:
            ind, a = gen_discrete(rng, ctx, iid)
        else:
            ind, a = gen_numeric(rng, ctx, iid, force_at_A=(i == 0 and mode == 'default'))
        inds.append(ind)
        if a:
            acts[iid] = {y: a[y] for y in sorted(a)}
    if mode == 'default':
        for iid in acts:   # default as-of: keep data up to A0 (one actual is at A0)
            acts[iid] = {y: v for y, v in acts[iid].items() if y <= A0}
        acts = {i: a for i, a in acts.items() if a}
    plan['indicators'] = inds
    if acts:
        plan['actuals'] = acts
    A = A0 if mode == 'given' else default_as_of(plan)
    opts = ['--as-of', str(A)] if mode == 'given' else []
    if method == 'cagr':
        opts += ['--method', 'cagr']
    window = None
    if method == 'linear' and rng.random() < 0.3:
        window = pick_window(rng, plan, A)
        if window:
            opts += ['--window', str(window)]
    return plan, A, method, window, opts


def pick_window(rng, plan, A):
    """R11: a window N such that no indicator has a point at yL - N."""
    cands = list(range(1, 7))
    rng.shuffle(cands)
    for N in cands:
        ok = True
        for ind in plan['indicators']:
            if ind.get('kind') in ('milestone', 'flag'):
                continue
            pts = points(ind, plan.get('actuals', {}).get(ind['id']), A)
            if pts and any(p[0] == pts[-1][0] - N for p in pts):
                ok = False
        if ok:
            return N
    return None

# ---------------------------------------------------------------- output

def ydump(v):
    if v is None:
        return 'null'
    if v is True or v is False:
        return 'true' if v else 'false'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v.is_integer():
            return str(int(v))
        s = ('%.6f' % v).rstrip('0')
        return s + '0' if s.endswith('.') else s
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict):
        return '{' + ', '.join(f'{k if isinstance(k, int) else json.dumps(k, ensure_ascii=False)}: {ydump(x)}'
                               for k, x in v.items()) + '}'
    return '[' + ', '.join(ydump(x) for x in v) + ']'


def public(ind):
    return {k: v for k, v in ind.items() if not k.startswith('_')}


def plan_text(plan):
    lines = ['plancheck: 1', 'unit: ' + ydump(plan['unit'])]
    if 'plan' in plan:
        lines.append('plan: ' + ydump(plan['plan']))
    lines.append('indicators:')
    lines += ['  - ' + ydump(public(i)) for i in plan['indicators']]
    if plan.get('actuals'):
        lines.append('actuals:')
        lines += [f'  {json.dumps(k)}: {ydump(v)}' for k, v in plan['actuals'].items()]
    return '\n'.join(lines) + '\n'


def run_tool(tool, plan, opts, keep=None, tag='plan'):
    d = keep or tempfile.mkdtemp(prefix='semcheck')
    path = os.path.join(d, tag + '.yaml')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(plan_text(plan))
    p = subprocess.run([tool, 'evaluate', path, '--format', 'json'] + opts,
                       capture_output=True, text=True, timeout=120)
    if not keep:
        os.unlink(path)
        os.rmdir(d)
    if p.returncode != 0:
        return None, f'exit {p.returncode}: {p.stderr.strip()[:200]}'
    try:
        return json.loads(p.stdout), None
    except ValueError as e:
        return None, f'bad JSON: {e}'

# ---------------------------------------------------------------- comparison

def same(exp, got):
    if isinstance(exp, Reason):
        return exp.ok(got)
    if exp is None or got is None:
        return exp is None and got is None
    if isinstance(exp, bool) or isinstance(got, bool):
        return exp is got or (type(exp) is bool and type(got) is bool and exp == got)
    if isinstance(exp, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(exp, got, rel_tol=1e-6, abs_tol=1e-6)
    return exp == got


def compare(ref, doc, plan):
    """-> list of (field, kind, branch, indicator id, milestone year, expected, got)."""
    bad = []
    if not same(ref['as_of'], doc.get('as_of')):
        bad.append(('as_of', '', '', None, None, ref['as_of'], doc.get('as_of')))
    unit = doc['units'][0]
    if ref['counts'] is not None and unit.get('counts') != ref['counts']:
        bad.append(('counts', '', '', None, None, ref['counts'], unit.get('counts')))
    got_inds = {i['id']: i for i in unit['indicators']}
    for iid, r in ref['inds'].items():
        g = got_inds.get(iid)
        if g is None:
            bad.append(('structure', '', 'indicator missing', iid, None, iid, None))
            continue
        kind = g.get('kind')
        lat = g.get('latest')
        glat = None if lat is None else (lat.get('year'), lat.get('value'))
        el = r['latest']
        if (el is None) != (glat is None) or (el and not (same(el[0], glat[0]) and same(el[1], glat[1]))):
            bad.append(('latest', kind, '', iid, None, el, glat))
        if not same(r['trend'], g.get('trend')):
            bad.append(('trend', kind, '', iid, None, r['trend'], g.get('trend')))
        if r['status'] is not SKIP and r['status'] != g.get('status'):
            bad.append(('indicator status', kind, '', iid, None, r['status'], g.get('status')))
        gms = {m['year']: m for m in g.get('milestones', [])}
        for T, m in r['ms'].items():
            gm = gms.get(T)
            if gm is None:
                bad.append(('structure', kind, 'milestone missing', iid, T, T, None))
                continue
            for f in ('met', 'status', 'gap', 'gap_units', 'progress', 'expected', 'schedule',
                      'projected', 'required_pace', 'pace_ratio', 'attainment_year', 'reason'):
                e = m[f]
                if e is SKIP:
                    continue
                if not same(e, gm.get(f)):
                    bad.append((f, kind, m['branch'], iid, T, e, gm.get(f)))
    return bad


def reduced(plan, iid):
    """The plan cut down to one indicator (and its actuals)."""
    p = {k: v for k, v in plan.items() if k not in ('indicators', 'actuals')}
    p['indicators'] = [i for i in plan['indicators'] if i['id'] == iid]
    a = plan.get('actuals', {}).get(iid)
    if a:
        p['actuals'] = {iid: a}
    return p


def fmt(v):
    if isinstance(v, float):
        return repr(round(v, 6))
    if isinstance(v, tuple):
        return '(' + ', '.join(fmt(x) for x in v) + ')'
    if isinstance(v, Reason):
        return repr(v)
    return json.dumps(v, ensure_ascii=False) if not isinstance(v, (int, dict)) else str(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('tool')
    ap.add_argument('n', nargs='?', type=int, default=300)
    ap.add_argument('--seed', type=int, default=20240611)
    ap.add_argument('--verbose', action='store_true', help='print every group and more examples')
    ap.add_argument('--keep', help='directory to keep the generated plans in')
    args = ap.parse_args()
    rng = random.Random(args.seed)
    random.seed(args.seed)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    groups = defaultdict(list)   # (field, kind, method) -> [(plan, A, method, window, opts, item)]
    passed = failed = 0
    for k in range(args.n):
        plan, A, method, window, opts = gen_plan(rng, k)
        ref = evaluate(plan, A, method, window)
        doc, err = run_tool(args.tool, plan, opts, args.keep, f'plan{k:04d}')
        if err:
            bad = [('exit code', '', '', None, None, 0, err)]
        else:
            bad = compare(ref, doc, plan)
        if bad:
            failed += 1
            for item in bad:
                groups[(item[0], item[1], method)].append((plan, A, method, window, opts, item))
        else:
            passed += 1
    budget = 10 ** 9 if args.verbose else 40
    lines = []
    by_field = defaultdict(int)
    for (f, _, _), xs in groups.items():
        by_field[f] += len(xs)
    if groups:
        lines.append('disagreements per field: ' + ', '.join(
            f'{f} {n}' for f, n in sorted(by_field.items(), key=lambda x: -x[1])))
    order = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    shown = 0
    for (field, kind, method), xs in order:
        if len(lines) + 4 > budget:
            break
        shown += 1
        br = defaultdict(int)
        for x in xs:
            br[x[5][2]] += 1
        brs = ', '.join(f'{b or "-"} {n}' for b, n in sorted(br.items(), key=lambda x: -x[1]))
        lines.append(f'[{field}] {kind or "unit"} / {method}: {len(xs)}  ({brs})'[:230])
        for txt in minimal_examples(args.tool, xs, 3 if args.verbose else 2):
            if len(lines) + 2 > budget:
                break
            lines += txt
    if shown < len(order):
        rest = order[shown:]
        lines.append(f'... {len(rest)} more groups: ' + '; '.join(
            f'{f}/{k}/{m} {len(x)}' for (f, k, m), x in rest)[:400])
    for line in lines:
        print(line)
    print(f'{passed} passed, {failed} failed')
    sys.exit(1 if failed else 0)


def minimal_examples(tool, xs, n):
    """Up to n examples (different branches first), each re-run as the
    one-indicator plan that still shows the disagreement (explicit --as-of,
    so the reduction is exact); the smallest plans first."""
    out = []
    cands = sorted(xs, key=lambda x: len(plan_text(reduced(x[0], x[5][3])) if x[5][3] else plan_text(x[0])))
    picked, seen_br = [], set()
    for c in cands:                      # one per branch, then the rest
        if c[5][2] not in seen_br:
            seen_br.add(c[5][2])
            picked.append(c)
    picked += [c for c in cands if c not in picked]
    for plan, A, method, window, opts, item in picked[:n]:
        field, kind, branch, iid, T, e, g = item
        show, sopts = plan, opts
        if iid is not None:
            small = reduced(plan, iid)
            o2 = ['--as-of', str(A)] + (['--method', 'cagr'] if method == 'cagr' else []) \
                + (['--window', str(window)] if window else [])
            doc, err = run_tool(tool, small, o2)
            if doc is not None:
                again = [b for b in compare(evaluate(small, A, method, window), doc, small)
                         if b[0] == field and b[3] == iid and b[4] == T]
                if again:
                    show, sopts, e, g = small, o2, again[0][5], again[0][6]
        where = f'{iid} {T}' if T else (iid or '')
        if len(show['indicators']) == 1:
            pt = 'ind ' + ydump(public(show['indicators'][0]))
            if show.get('actuals'):
                pt += ' ; actuals ' + ydump(show['actuals'])
        else:
            pt = plan_text(show).replace('\n', ' ⏎ ')[:700]
        out.append([f'   {where}{" (" + branch + ")" if branch else ""}: expected {fmt(e)} got {fmt(g)}'
                    f'  [{" ".join(sopts)}]', '     ' + pt])
    return out


if __name__ == '__main__':
    main()
