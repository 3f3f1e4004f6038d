// The dashboard's charts (ECharts from its WebJar): per unit approved against target, and uploads per week.
// Live: the figures are fetched again every 30 seconds, so a decision elsewhere shows without a reload.
const main = document.getElementById('main');
const texts = JSON.parse(main.dataset.texts || '{}');
const t = (k) => texts[k.replace('progress.js.', '')] || k;
const unitsChart = window.echarts ? window.echarts.init(document.getElementById('chart-units')) : null;
const weeksChart = window.echarts ? window.echarts.init(document.getElementById('chart-weeks')) : null;

function draw(p) {
  if (!unitsChart) return;
  const names = p.units.map((u) => u.unit);
  unitsChart.setOption({
    animation: false,
    title: { text: t('progress.js.unitsTitle'), textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('progress.js.uploads'), type: 'bar', data: p.units.map((u) => u.uploads) },
      { name: t('progress.js.approved'), type: 'bar', data: p.units.map((u) => u.approved) },
      { name: t('progress.js.target'), type: 'scatter', symbol: 'rect', symbolSize: [18, 3],
        data: p.units.map((u) => (u.target ? u.target.clips + u.target.photos : null)) },
    ],
  }, true);
  weeksChart.setOption({
    animation: false,
    title: { text: t('progress.js.weeksTitle'), textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 36, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: p.weeks.map((w) => w.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: p.units.map((u) => ({ name: u.unit, type: 'line', data: u.weekly })),
  }, true);
}

async function refresh() {
  try {
    const r = await fetch('/api/progress', { headers: { Accept: 'application/json' } });
    if (!r.ok) return;
    const p = await r.json();
    draw(p);
    for (const [id, v] of [['total-uploads', p.totals.uploads], ['total-approved', p.totals.approved],
      ['total-returned', p.totals.returned]]) {
      const el = document.getElementById(id);
      if (el) el.textContent = String(v);
    }
  } catch (e) {
    // offline for a moment: the page keeps what it shows
  }
}

refresh();
setInterval(refresh, 30000);
window.addEventListener('resize', () => { unitsChart?.resize(); weeksChart?.resize(); });
