// Live case page (/m/cases/{id}): listens on the case hub (/hubs/cases, wwwroot/lib/signalr) and reloads the page when
// this case changes, so the resident sees the new status and, once closed, the rating form. A change made while the
// page was loading is caught by comparing versions once connected. If someone is typing in a form, a banner offers the
// reload instead of throwing their words away.
const live = document.querySelector('[data-live-case]');
if (live && window.signalR) {
    const id = live.dataset.liveCase;
    const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/cases').withAutomaticReconnect().build();
    let typed = false;
    document.addEventListener('input', () => { typed = true; });

    const refresh = () => {
        if (!typed) { location.reload(); return; }
        document.getElementById('m-updated').hidden = false;
    };
    const compare = async () => {
        try {
            const response = await fetch(`/api/cases/${id}`, { credentials: 'same-origin' });
            if (response.ok && String((await response.json()).case.version) !== live.dataset.version) refresh();
        } catch { /* offline: the next change or reconnect tries again */ }
    };

    connection.on('caseChanged', change => { if (change.caseId === id) refresh(); });
    connection.onreconnected(compare);
    connection.start().then(async () => {
        await compare();
        live.dataset.live = 'on';
    }).catch(() => { live.dataset.live = 'off'; });
}
