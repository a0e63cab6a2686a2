// The translation page: calls POST /translate and GET /health on this server, draws the attention
// heatmap as SVG. No external scripts.
'use strict';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';

function showError(message) {
  const error = $('error');
  error.textContent = message || '';
  error.hidden = !message;
}

function svg(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, value);
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

// Draws weights (T rows of S numbers) with source tokens along the top and target tokens down the
// left side; one <rect class="cell"> per weight, its darkness the weight.
function drawHeatmap(container, attention) {
  container.replaceChildren();
  if (!attention) {
    container.textContent = 'This model has no attention.';
    return;
  }
  const cell = 32;
  const longest = (tokens) => Math.max(1, ...tokens.map((t) => t.length));
  const left = 8 * longest(attention.target) + 12;
  const top = 8 * longest(attention.source) + 12;
  const width = left + cell * attention.source.length + 4;
  const height = top + cell * attention.target.length + 4;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': 'attention weights' });
  attention.source.forEach((token, s) => {
    const x = left + s * cell + cell / 2;
    root.appendChild(svg('text', { x, y: top - 6, transform: `rotate(-60 ${x} ${top - 6})`,
      class: 'source-token' }, token));
  });
  attention.target.forEach((token, t) => {
    root.appendChild(svg('text', { x: left - 6, y: top + t * cell + cell / 2 + 4,
      'text-anchor': 'end', class: 'target-token' }, token));
    attention.weights[t].forEach((weight, s) => {
      const rect = svg('rect', { x: left + s * cell, y: top + t * cell, width: cell, height: cell,
        class: 'cell', fill: `rgba(20, 60, 160, ${Math.max(0.03, weight).toFixed(3)})` });
      rect.appendChild(svg('title', {},
        `${token} \u2190 ${attention.source[s]}: ${weight.toFixed(3)}`));
      root.appendChild(rect);
    });
  });
  container.appendChild(root);
}

function showTranslation(result) {
  $('translation').textContent = result.text;
  const warning = $('warning');
  warning.textContent = result.warning || '';
  warning.hidden = !result.warning;
  const list = $('nbest');
  list.replaceChildren();
  const alternatives = result.nbest || [{ text: result.text, score: result.score }];
  for (const alternative of alternatives) {
    const item = document.createElement('li');
    item.textContent = alternative.text;
    const score = document.createElement('span');
    score.className = 'score';
    score.textContent = alternative.score.toFixed(3);
    item.appendChild(score);
    list.appendChild(item);
  }
  drawHeatmap($('heatmap'), result.attention);
}

async function translate(event) {
  event.preventDefault();
  const text = $('source').value.trim();
  if (!text) {
    showError('Type an English sentence first.');
    return;
  }
  const beam = parseInt($('beam').value, 10);
  $('translate').disabled = true;
  $('status').textContent = 'translating\u2026';
  try {
    const response = await fetch('translate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, beam, nbest: Math.min(beam, 5), attention: true }),
    });
    const body = await response.json();
    if (!response.ok) {
      showError(`${response.status}: ${body.error}`);
      return;
    }
    showError('');
    showTranslation(body.translations[0]);
    $('status').textContent = `${body.milliseconds.toFixed(0)} ms`;
  } catch (e) {
    showError(`The server did not answer: ${e.message}`);
  } finally {
    $('translate').disabled = false;
    if ($('status').textContent.endsWith('\u2026')) {
      $('status').textContent = '';
    }
  }
}

async function showProvenance() {
  const list = $('provenance');
  try {
    const health = await (await fetch('health')).json();
    const entries = { model: health.model, ...health.provenance };
    list.replaceChildren();
    for (const [key, value] of Object.entries(entries)) {
      const term = document.createElement('dt');
      term.textContent = key;
      const description = document.createElement('dd');
      description.textContent = typeof value === 'number' && !Number.isInteger(value)
        ? value.toFixed(3) : String(value);
      list.append(term, description);
    }
    const maxBeam = health.limits && health.limits.maxBeam;
    for (const option of [...$('beam').options]) {
      option.disabled = maxBeam !== undefined && parseInt(option.value, 10) > maxBeam;
    }
  } catch (e) {
    showError(`Cannot read the model's provenance: ${e.message}`);
  }
}

$('form').addEventListener('submit', translate);
showProvenance();
