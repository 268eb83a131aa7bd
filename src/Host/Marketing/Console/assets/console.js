// The marketing console's live parts, over /api/marketing (the session cookie carries the token).
(function () {
  'use strict';
  const api = '/api/marketing';
  const json = (method, body) => ({ method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = (id, value) => { const e = document.getElementById(id); if (e) e.textContent = value; };
  const problemText = async r => { try { const p = await r.json(); return p.detail || p.title || ('HTTP ' + r.status); } catch { return 'HTTP ' + r.status; } };

  // The editor: the rule is checked as it is typed, with the players it matches now.
  const form = document.getElementById('campaign-form');
  if (form) {
    const rule = document.getElementById('rule');
    let timer = 0, asked = 0;
    const check = async () => {
      const mine = ++asked;
      const r = await fetch(api + '/rules/check?preview=true', json('POST', { rule: rule.value }));
      if (mine !== asked) return;
      if (!r.ok) { text('rule-error', await problemText(r)); return; }
      const c = await r.json();
      const sample = document.getElementById('matching-sample');
      sample.replaceChildren();
      if (!c.valid) {
        const e = c.errors[0];
        text('rule-error', `Line ${e.line}, column ${e.column}: ${e.message}`);
        text('matching-count', '—'); text('player-count', '—');
        rule.setAttribute('aria-invalid', 'true');
        return;
      }
      rule.removeAttribute('aria-invalid');
      text('rule-error', '');
      text('matching-count', String(c.matching)); text('player-count', String(c.players));
      for (const w of c.sample) { const li = document.createElement('li'); li.textContent = w; sample.appendChild(li); }
    };
    rule.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 300); });
    check();

    document.getElementById('builder-add').addEventListener('click', () => {
      const variable = document.getElementById('builder-variable');
      const type = variable.selectedOptions[0].dataset.type;
      const op = document.getElementById('builder-operator').value;
      const raw = document.getElementById('builder-value').value.trim();
      const quoted = "'" + raw.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
      let condition;
      if (type === 'StringList' || type === 'CountMap') condition = `${quoted} in ${variable.value}`;
      else if (op === 'contains') condition = `${variable.value}.contains(${quoted})`;
      else if (type === 'String') condition = `${variable.value} ${op} ${quoted}`;
      else if (type === 'Double') condition = `${variable.value} ${op} ${raw.includes('.') ? raw : raw + '.0'}`;
      else condition = `${variable.value} ${op} ${raw}`;
      rule.value = rule.value.trim() ? `${rule.value.trim()} && ${condition}` : condition;
      check();
      rule.focus();
    });

    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const v = name => form.elements[name].value.trim();
      const num = name => v(name) === '' ? null : Number(v(name));
      const at = name => v(name) === '' ? null : new Date(v(name) + 'Z').toISOString();
      const body = {
        name: v('name'), collection: v('collection'), contract: v('contract'), itemName: v('itemName') || null,
        quantity: num('quantity'), perWalletLimit: num('perWalletLimit'), supplyCap: num('supplyCap'), gasBudget: num('gasBudget'),
        startsAt: at('startsAt'), endsAt: at('endsAt'), rule: rule.value,
      };
      const id = form.dataset.id;
      const r = id
        ? await fetch(`${api}/campaigns/${id}`, json('PUT', { ...body, version: Number(form.dataset.version) }))
        : await fetch(`${api}/campaigns`, json('POST', { ...body, id: v('id') || null }));
      if (!r.ok) { text('form-error', await problemText(r)); return; }
      const saved = await r.json();
      location.href = `/marketing/campaigns/${saved.id}`;
    });
  }

  // The campaign page: counts, the chart and the delivery log, refreshed every two seconds; the actions.
  const page = document.getElementById('campaign');
  if (page) {
    const id = page.dataset.id;
    const canvas = document.getElementById('deliveries-chart');
    const chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [{ label: 'Wallets delivered per minute', data: [], backgroundColor: '#2f6f4f' }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    const cell = (row, value) => { const td = document.createElement('td'); td.textContent = value ?? ''; row.appendChild(td); };
    const refresh = async () => {
      const [c, d] = await Promise.all([fetch(`${api}/campaigns/${id}`), fetch(`${api}/campaigns/${id}/deliveries?limit=1000`)]);
      if (c.ok) {
        const v = await c.json();
        text('status', v.status); text('version', String(v.version));
        text('end-reason', v.endReason && v.endReason !== 'None' ? `(${v.endReason})` : '');
        text('delivered', String(v.delivered)); text('pending', String(v.pending)); text('failed', String(v.failed));
        text('gas-spent', String(v.gasSpent));
        chart.data.labels = v.deliveriesPerMinute.map(m => new Date(m.minute).toISOString().substring(11, 16));
        chart.data.datasets[0].data = v.deliveriesPerMinute.map(m => m.delivered);
        chart.update();
        page.dataset.chartPoints = String(v.deliveriesPerMinute.reduce((n, m) => n + m.delivered, 0));
      }
      if (d.ok) {
        const body = document.querySelector('#deliveries tbody');
        body.replaceChildren();
        for (const r of await d.json()) {
          const row = document.createElement('tr');
          cell(row, r.wallet); cell(row, r.status); cell(row, r.tokenIds.length); cell(row, r.batch); cell(row, r.transactionHash); cell(row, r.reason);
          body.appendChild(row);
        }
      }
    };
    for (const button of page.querySelectorAll('button[data-action]')) {
      button.addEventListener('click', async () => {
        const r = await fetch(`${api}/campaigns/${id}/${button.dataset.action}`, json('POST'));
        text('action-error', r.ok ? '' : await problemText(r));
        await refresh();
      });
    }
    document.getElementById('retry-all').addEventListener('click', async () => {
      const r = await fetch(`${api}/campaigns/${id}/retry`, json('POST', { wallets: [] }));
      text('action-error', r.ok ? '' : await problemText(r));
      await refresh();
    });
    refresh();
    setInterval(refresh, 2000);
  }
})();
