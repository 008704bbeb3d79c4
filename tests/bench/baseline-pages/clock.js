const face = document.getElementById('clock');
const format = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/Stockholm',
});
const tick = () => {
  face.textContent = format.format(Date.now());
  setTimeout(tick, 1000 - (Date.now() % 1000));
};
tick();
