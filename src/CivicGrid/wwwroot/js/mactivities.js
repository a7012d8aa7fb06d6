// 附近的活动: asks the phone for its position and reloads the list sorted by distance (?lat=&lng=).
// Without a position (refused, no GPS) the list stays as the server sent it: the home community first.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('m-near');
  if (!button || !navigator.geolocation) { if (button) button.hidden = true; return; }
  button.addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition(p => {
      const url = new URL(location.href);
      url.searchParams.set('lat', p.coords.latitude.toFixed(6));
      url.searchParams.set('lng', p.coords.longitude.toFixed(6));
      location.href = url.toString();
    }, () => { button.disabled = true; }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 });
  });
});
