import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { css, unsafeCSS } from 'lit';
import { filterBarStyles } from '../../shared/filter-bar.js';
import { skipLinkStyles } from '../../shared/skip-link.js';
import { hostStyles } from '../../shared/theme.js';

export const styles = [
  hostStyles,
  filterBarStyles,
  skipLinkStyles,
  // Leaflet's own stylesheet, adopted into the shadow root (a page stylesheet cannot reach in here).
  unsafeCSS(leafletCss),
  css`
    :host {
      --_marker-stroke: var(--offen-marker-stroke, #1a1a1a);
      --_list-width: var(--offen-list-width, 22rem);
      container-type: inline-size;
    }
    .swatch {
      display: inline-block;
      flex: none;
      width: 0.9em;
      height: 0.9em;
      overflow: visible;
    }
    .swatch circle {
      stroke: var(--_marker-stroke);
      stroke-width: 1.5;
    }
    .layout {
      display: grid;
      gap: 1rem;
      grid-template-columns: minmax(0, 1fr);
    }
    @container (min-width: 48rem) {
      .layout {
        grid-template-columns: minmax(0, 1fr) var(--_list-width);
      }
      .list {
        max-height: var(--_map-height, 400px);
      }
    }
    .map-area {
      min-width: 0;
    }
    .map-frame {
      position: relative;
    }
    .map {
      width: 100%;
      height: var(--_map-height, 400px);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
      font: inherit;
    }
    .map:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    /* An embedded map leaves one-finger swipes to the page (scroll-zoom turns that off; fullscreen too). */
    :host(:not([scroll-zoom]):not([fullscreen])) .map.leaflet-container {
      touch-action: pan-x pan-y;
    }
    /* Over the map while it shows, never in the way of a click; empty (but present for screen readers) otherwise. */
    .gesture-hint {
      position: absolute;
      inset-block-start: 50%;
      inset-inline: 1rem;
      z-index: 1000;
      margin: 0;
      text-align: center;
      pointer-events: none;
    }
    .gesture-hint:not(:empty) {
      padding: 0.6rem 1rem;
      border-radius: var(--_radius);
      background: rgb(0 0 0 / 80%);
      color: #ffffff;
      transform: translateY(-50%);
    }
    .fullscreen {
      position: absolute;
      inset-block-end: 0.6rem;
      inset-inline-end: 0.6rem;
      z-index: 1000;
    }
    /* Full screen: the map takes all the room the consent bar and the attribution leave. */
    .map-area:fullscreen {
      display: flex;
      flex-direction: column;
      padding: 0.5rem;
      background: var(--_surface);
    }
    .map-area:fullscreen .map-frame {
      flex: 1 1 auto;
    }
    .map-area:fullscreen .map {
      height: 100%;
    }
    .attribution {
      margin: 0.25rem 0 0;
      color: var(--_muted);
      font-size: 0.8rem;
      text-align: end;
    }
    .attribution a {
      color: inherit;
    }
    .crs {
      margin: 0.25rem 0 0;
      color: var(--_muted);
      font-size: 0.8rem;
    }
    /* Bars on top of the map rather than over it: they cover no marker and no details. */
    .consent,
    .tile-error {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      justify-content: space-between;
      padding: 0.6rem 0.8rem;
      border: 1px solid var(--_border);
      border-block-end: 0;
      border-radius: var(--_radius) var(--_radius) 0 0;
      background: var(--_surface-alt);
      font-size: 0.9rem;
    }
    .tile-error {
      border-color: var(--_danger);
    }
    .tile-error + .map-frame .map,
    .consent + .map-frame .map {
      border-start-start-radius: 0;
      border-start-end-radius: 0;
    }
    .consent p,
    .tile-error p {
      flex: 1 1 20rem;
      margin: 0;
    }
    .consent .hint {
      color: var(--_muted);
    }
    .consent-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    .remember,
    .in-view {
      display: inline-flex;
      gap: 0.4em;
      align-items: center;
    }
    .locate {
      position: absolute;
      inset-block-start: 0.6rem;
      inset-inline-end: 0.6rem;
      z-index: 1000;
      display: flex;
      flex-direction: column;
      align-items: end;
      gap: 0.25rem;
    }
    .locate-status:not(:empty) {
      padding: 0.2em 0.5em;
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .list {
      display: flex;
      flex-direction: column;
      min-width: 0;
      max-height: 28rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .list-head {
      padding: 0.5rem 0.75rem;
      border-block-end: 1px solid var(--_border);
    }
    .count {
      margin: 0;
      font-weight: 600;
    }
    .unplaced {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
      margin: 0.4rem 0 0;
      color: var(--_muted);
    }
    .list ul {
      flex: 1 1 auto;
      margin: 0;
      padding: 0;
      overflow-y: auto;
      list-style: none;
    }
    .list li + li {
      border-block-start: 1px solid var(--_surface-alt);
    }
    .list .offen-state {
      margin: 0.75rem;
    }
    .item {
      display: flex;
      gap: 0.6rem;
      align-items: baseline;
      width: 100%;
      padding: 0.5rem 0.75rem;
      border: 0;
      background: none;
      text-align: start;
    }
    .item:hover {
      background: var(--_surface-alt);
    }
    .item[aria-current='true'] {
      background: var(--_surface-alt);
      box-shadow: inset 4px 0 0 var(--_accent);
    }
    .item:focus-visible {
      outline-offset: -3px;
    }
    .item-text {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .item-title {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .item-meta {
      color: var(--_muted);
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    .more {
      margin: 0.5rem 0.75rem;
    }
    .details {
      font: inherit;
      color: var(--_text);
    }
    .details:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .details-title {
      margin: 0 0 0.25rem;
      font-size: 1.1em;
      font-weight: 700;
    }
    .details-category {
      display: flex;
      gap: 0.4em;
      align-items: center;
      margin: 0 0 0.5rem;
    }
    .details dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.2rem 0.75rem;
      margin: 0 0 0.5rem;
    }
    .details dt {
      font-weight: 600;
    }
    .details dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .details a {
      color: var(--_accent);
    }
    .description {
      margin: 0 0 0.5rem;
      white-space: pre-line;
    }
    .details-image {
      display: block;
      max-width: 100%;
      max-height: 10rem;
      margin-block-end: 0.5rem;
      border-radius: var(--_radius);
      object-fit: cover;
    }
    .panel {
      margin-block-start: 1rem;
      padding: 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .leaflet-container {
      font: inherit;
    }
    .leaflet-popup-content {
      font-size: 0.95rem;
      line-height: 1.4;
    }
    .leaflet-container a.leaflet-popup-close-button {
      width: 32px;
      height: 32px;
      font-size: 22px;
      color: var(--_text);
    }
    .leaflet-container .leaflet-control-zoom a {
      color: var(--_text);
    }
    .offen-marker {
      stroke: var(--_marker-stroke);
    }
    .offen-cluster {
      display: flex;
      align-items: center;
      justify-content: center;
      border: 3px solid var(--_surface);
      border-radius: 50%;
      background: var(--_accent);
      box-shadow: 0 0 0 1.5px var(--_marker-stroke);
      color: var(--_accent-contrast);
      font-weight: 700;
      font-size: 0.85rem;
    }
  `,
];
