// The phone's report form (/m/report, /m/patrol; ReportForm.razor renders it). Photos go up as soon as they are chosen
// (POST /api/cases/uploads), the position comes from GPS or a tap on the grid map and is named by /api/areas/locate,
// the duplicate hint asks /api/cases/duplicates, and the report goes to POST /api/cases with the form's Idempotency-Key:
// however often it is sent, one case is made. Every text comes from the page (data-texts), in the page's language.
import { draw } from './gridmap.js';
import { shrink } from './mphotos.js';

const form = document.getElementById('m-report');
if (form) start(form);

function start(form) {
    const t = JSON.parse(form.dataset.texts);
    const $ = id => document.getElementById(id);
    const fmt = (text, ...args) => args.reduce((s, a, i) => s.replace(`{${i}}`, a), text);
    const maxPhotos = Number(form.dataset.maxPhotos);
    const state = { lon: null, lat: null, photos: { before: [], after: [] }, pending: 0, sending: false, locating: 0 };

    const category = $('m-category'), item = $('m-item'), spot = $('m-spot'), spotCheck = $('m-spot-check');
    const error = $('m-error'), submit = $('m-submit'), where = $('m-where'), dup = $('m-dup');
    const submitText = submit.textContent;

    function showError(text) {
        error.textContent = text;
        error.hidden = !text;
        if (text) error.scrollIntoView({ block: 'nearest' });
    }

    async function problemText(response) {
        if (response.status === 401) return t.signedOut;
        try {
            const problem = await response.json();
            return t.errors[problem.code] || problem.detail || t.failed;
        } catch {
            return t.failed;
        }
    }

    // Category → item: the item list holds every item; choosing a category keeps only its own.
    const placeholder = item.options[0];
    const allItems = [...item.options].filter(o => o.value);
    category.addEventListener('change', () => {
        item.replaceChildren(placeholder, ...allItems.filter(o => o.dataset.category === category.value));
        item.value = '';
        itemChanged();
    });
    item.addEventListener('change', itemChanged);

    function itemChanged() {
        const chosen = item.selectedOptions[0];
        if (spot) {
            spot.hidden = !(chosen && chosen.dataset.onTheSpot === 'true');
            if (spot.hidden) { spotCheck.checked = false; $('m-spot-fields').hidden = true; }
        }
        checkDuplicates();
    }
    if (spotCheck) spotCheck.addEventListener('change', () => { $('m-spot-fields').hidden = !spotCheck.checked; });

    // Photos: uploaded at once, shown as thumbnails, removable.
    for (const input of form.querySelectorAll('[data-photo-input]')) {
        input.addEventListener('change', () => {
            addPhotos(input.dataset.photoInput, [...input.files]);
            input.value = '';
        });
    }

    function addPhotos(kind, files) {
        const list = state.photos[kind];
        const box = form.querySelector(`[data-photos="${kind}"]`);
        for (const file of files) {
            if (list.length >= maxPhotos) { showError(t.errors['file.too_many']); break; }
            const photo = { id: null };
            list.push(photo);
            const figure = document.createElement('figure');
            figure.className = 'm-thumb m-uploading';
            const img = document.createElement('img');
            img.alt = '';
            const remove = document.createElement('button');
            remove.type = 'button';
            remove.textContent = '×';
            remove.setAttribute('aria-label', t.remove);
            remove.addEventListener('click', () => { drop(list, photo); figure.remove(); });
            figure.append(img, remove);
            box.append(figure);
            upload(file, photo, list, figure, img);
        }
    }

    // Once: the × may already have taken the photo out before its upload failed (indexOf -1 would drop the last one).
    function drop(list, photo) {
        const i = list.indexOf(photo);
        if (i >= 0) list.splice(i, 1);
    }

    async function upload(file, photo, list, figure, img) {
        state.pending++;
        try {
            const body = await shrink(file);
            img.src = URL.createObjectURL(body);
            const data = new FormData();
            data.append('files', body, body.name || 'photo.jpg');
            const response = await fetch('/api/cases/uploads', { method: 'POST', body: data, credentials: 'same-origin' });
            if (!response.ok) throw new Error(await problemText(response));
            photo.id = (await response.json())[0].id;
            figure.classList.remove('m-uploading');
            figure.dataset.uploaded = 'true';
            showError(''); // an earlier refusal is answered by this photo
        } catch (e) {
            drop(list, photo);
            figure.remove();
            showError(e instanceof TypeError ? t.network : e.message);
        } finally {
            state.pending--;
        }
    }

    // Position: GPS or a tap on the map; the server names the grid (or says the point is outside every grid).
    const mapElement = $('m-map');
    const map = draw(mapElement, mapElement.dataset.grids, form.dataset.tiles, null);
    // Open on the viewer's own grid, at once: an animated zoom would move the grid under a finger already tapping it.
    map.eachLayer(layer => {
        if (layer.feature && layer.feature.properties.home) map.fitBounds(layer.getBounds().pad(0.6), { animate: false });
    });
    let pin = null;
    map.createPane('pin').style.zIndex = 700; // above the grid labels, which sit in the middle of each grid
    map.on('click', e => place(e.latlng.lng, e.latlng.lat));

    $('m-gps').addEventListener('click', () => {
        if (!navigator.geolocation) { say(t.gpsFailed, true); return; }
        say(t.locating, false);
        navigator.geolocation.getCurrentPosition(
            p => {
                place(p.coords.longitude, p.coords.latitude);
                map.setView([p.coords.latitude, p.coords.longitude], Math.max(map.getZoom(), 16));
            },
            () => say(t.gpsFailed, true),
            // Asked for now: a remembered fix may be a street away from where the problem is.
            { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
    });

    function say(text, bad) {
        where.textContent = text;
        where.classList.toggle('m-bad', bad);
    }

    async function place(lon, lat) {
        state.lon = lon;
        state.lat = lat;
        if (pin) pin.setLatLng([lat, lon]);
        else pin = L.circleMarker([lat, lon], { pane: 'pin', radius: 9, color: '#fff', weight: 3, fillColor: '#1565c0', fillOpacity: 1 }).addTo(map);
        const mine = ++state.locating;
        delete where.dataset.grid;
        try {
            const response = await fetch(`/api/areas/locate?lon=${lon}&lat=${lat}`, { credentials: 'same-origin' });
            if (!response.ok) throw new Error(await problemText(response));
            const found = await response.json();
            if (mine !== state.locating) return;
            if (found.inside) {
                say(fmt(t.inGrid, found.gridName), false);
                showError(''); // e.g. "pick a location", now done
                where.dataset.grid = found.gridCode;
            } else say(t.errors['case.outside_grids'], true);
        } catch (e) {
            if (mine === state.locating) say(e instanceof TypeError ? t.network : e.message, true);
        }
        checkDuplicates();
    }

    // The duplicate hint: how many open cases of the same item are already near this point.
    async function checkDuplicates() {
        if (!item.value || state.lon === null) { dup.hidden = true; return; }
        const url = `/api/cases/duplicates?item=${encodeURIComponent(item.value)}&lon=${state.lon}&lat=${state.lat}`;
        try {
            const response = await fetch(url, { credentials: 'same-origin' });
            const nearby = response.ok ? await response.json() : [];
            dup.textContent = fmt(t.duplicates, nearby.length);
            dup.hidden = nearby.length === 0;
        } catch {
            dup.hidden = true; // only a hint: never stand in the way of the report
        }
    }

    form.addEventListener('submit', async e => {
        e.preventDefault();
        if (state.sending) return;
        showError('');
        const description = form.elements.description.value.trim();
        const onTheSpot = !!(spotCheck && spotCheck.checked);
        if (state.pending > 0) return showError(t.waitUploads);
        if (!item.value) return showError(t.itemRequired);
        if (!description) return showError(t.errors['case.description_required']);
        if (state.lon === null) return showError(t.errors['case.location_required']);
        const ids = kind => state.photos[kind].map(p => p.id);
        const body = {
            itemCode: item.value, description, longitude: state.lon, latitude: state.lat,
            address: form.elements.address.value.trim() || null, source: form.dataset.source, photoIds: ids('before'),
            onTheSpot, onTheSpotComment: onTheSpot ? form.elements.onTheSpotComment.value.trim() : null,
            afterPhotoIds: onTheSpot ? ids('after') : null,
        };
        state.sending = true;
        submit.disabled = true;
        submit.textContent = t.submitting;
        try {
            const response = await fetch('/api/cases', {
                method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
                headers: { 'Content-Type': 'application/json', 'Idempotency-Key': form.dataset.key },
            });
            if (response.ok) return done((await response.json()).case);
            showError(await problemText(response));
        } catch {
            showError(t.network); // the key makes a retry safe even if the first request did arrive
        }
        state.sending = false;
        submit.disabled = false;
        submit.textContent = submitText;
    });

    function done(c) {
        form.hidden = true;
        $('m-number').textContent = c.number;
        $('m-view').href = `/m/cases/${c.id}`;
        $('m-settled').hidden = c.status !== 'Closed';
        $('m-done').hidden = false;
        window.scrollTo(0, 0);
    }

    form.dataset.ready = 'true';
}
