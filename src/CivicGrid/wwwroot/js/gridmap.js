// Grid polygons on a Leaflet map (wwwroot/lib/leaflet, loaded by App.razor or the page). Called from GridMap.razor and
// mreport.js; a feature with properties.home (the viewer's own grid) is drawn stronger.
const maps = new WeakMap();

export function draw(element, geojson, tileUrl, owner) {
    dispose(element);
    const map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    const data = typeof geojson === 'string' ? JSON.parse(geojson) : geojson;
    let drawn = 0;
    const layer = L.geoJSON(data, {
        style: feature => feature.properties && feature.properties.home
            ? { color: '#b71c1c', weight: 3, fillColor: '#e57373', fillOpacity: 0.35, className: 'cg-grid cg-grid-home' }
            : { color: '#c62828', weight: 2, fillColor: '#ef9a9a', fillOpacity: 0.25, className: 'cg-grid' },
        onEachFeature: (feature, polygon) => {
            drawn++;
            const props = feature.properties || {};
            if (props.name) polygon.bindTooltip(props.name, { permanent: true, direction: 'center', className: 'cg-grid-label' });
            if (owner && props.code) {
                polygon.on('click', () => owner.invokeMethodAsync('OpenGrid', props.code));
                polygon.on('mouseover', () => polygon.setStyle({ fillOpacity: 0.45 }));
                polygon.on('mouseout', () => polygon.setStyle({ fillOpacity: 0.25 }));
            }
        },
    }).addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
    else map.setView([36.8, 118.05], 12);
    element.dataset.features = String(drawn);
    maps.set(element, map);
    return map;
}

export function dispose(element) {
    const map = maps.get(element);
    if (map) { map.remove(); maps.delete(element); }
}

// Sends the chosen GeoJSON file to the import endpoint with the session cookie; the server validates everything.
export async function upload(input, url) {
    const file = input.files && input.files[0];
    if (!file) return { status: 0, body: null };
    const response = await fetch(url, {
        method: 'PUT', body: file, credentials: 'same-origin',
        headers: { 'Content-Type': 'application/geo+json' },
    });
    const text = await response.text();
    input.value = '';
    return { status: response.status, body: text };
}

// A point on the grids: the case's place on its detail page, or (with an owner) a picker that reports each click as
// lon/lat to owner.Pick. The grids only show where the point will land; the server locates the grid itself.
export function point(element, geojson, tileUrl, owner, lon, lat) {
    dispose(element);
    const map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    const data = typeof geojson === 'string' ? JSON.parse(geojson) : geojson;
    const layer = L.geoJSON(data, {
        interactive: false,
        style: () => ({ color: '#c62828', weight: 1.5, fillColor: '#ef9a9a', fillOpacity: 0.15, className: 'cg-grid' }),
        onEachFeature: (feature, polygon) => {
            // Names help aim when picking; on a case's page they would hide its point, and the facts name the grid.
            const props = feature.properties || {};
            if (props.name && owner) polygon.bindTooltip(props.name, { permanent: true, direction: 'center', className: 'cg-grid-label' });
        },
    }).addTo(map);
    const bounds = layer.getBounds();
    if (lon != null && lat != null && !owner) map.setView([lat, lon], 17);
    else if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
    else if (lon != null && lat != null) map.setView([lat, lon], 16);
    else map.setView([36.8, 118.05], 12);
    maps.set(element, map);
    mark(element, lon, lat);
    if (owner) {
        element.style.cursor = 'crosshair';
        map.on('click', e => {
            const p = { lon: Math.round(e.latlng.lng * 1e6) / 1e6, lat: Math.round(e.latlng.lat * 1e6) / 1e6 };
            mark(element, p.lon, p.lat);
            owner.invokeMethodAsync('Pick', p.lon, p.lat);
        });
    }
}

// Moves the point's marker (or removes it when lon/lat are missing).
export function mark(element, lon, lat) {
    const map = maps.get(element);
    if (!map) return;
    if (map._cgMarker) { map._cgMarker.remove(); map._cgMarker = null; }
    if (lon == null || lat == null) { delete element.dataset.point; return; }
    map._cgMarker = L.circleMarker([lat, lon], { radius: 8, color: '#fff', weight: 2, fillColor: '#1565c0', fillOpacity: 1, className: 'cg-point' }).addTo(map);
    element.dataset.point = `${lon},${lat}`;
}
