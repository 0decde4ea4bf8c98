// Language switch for the demo: the widgets follow the page's lang attribute.
const button = document.getElementById('lang-toggle');
button.addEventListener('click', () => {
  const english = document.documentElement.lang === 'de';
  document.documentElement.lang = english ? 'en' : 'de';
  button.textContent = english ? 'Deutsch' : 'English';
});
