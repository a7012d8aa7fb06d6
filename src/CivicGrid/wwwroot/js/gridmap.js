// Grid polygons on a Leaflet map (wwwroot/lib/leaflet, loaded by App.razor). Called from GridMap.razor.
const maps = new WeakMap();

export function draw(element, geojson, tileUrl, owner) {
    dispose(element);
    const map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    const data = typeof geojson === 'string' ? JSON.parse(geojson) : geojson;
    let drawn = 0;
    const layer = L.geoJSON(data, {
        style: () => ({ color: '#c62828', weight: 2, fillColor: '#ef9a9a', fillOpacity: 0.25, className: 'cg-grid' }),
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
