// Reaching Out: the components work without this file; it marks that scripts run.
(function () {
  "use strict";
  document.documentElement.classList.add("ro-js");
})();
