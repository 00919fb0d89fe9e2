/**
 * Screen -> lazily loaded view. Each view is its own chunk, so the first paint only carries
 * the shell.
 */
import { defineAsyncComponent, type Component } from 'vue'
import type { Screen } from './stores/nav'
import ViewLoading from './components/ViewLoading.vue'
import ViewLoadError from './components/ViewLoadError.vue'

const lazy = (loader: () => Promise<{ default: Component }>) =>
  defineAsyncComponent({ loader, loadingComponent: ViewLoading, errorComponent: ViewLoadError, delay: 150, timeout: 30_000 })


export const VIEWS: Record<Screen, Component> = {
  welcome: lazy(() => import('./views/WelcomeView.vue')),
  add: lazy(() => import('./views/AddDeviceView.vue')),
  discover: lazy(() => import('./views/DiscoverView.vue')),
  details: lazy(() => import('./views/DeviceDetailsView.vue')),
  overview: lazy(() => import('./views/OverviewView.vue')),
  signal: lazy(() => import('./views/SignalView.vue')),
  survey: lazy(() => import('./views/SurveyView.vue')),
  cellular: lazy(() => import('./views/CellularView.vue')),
  messages: lazy(() => import('./views/MessagesView.vue')),
  wifi: lazy(() => import('./views/WifiView.vue')),
  troubleshoot: lazy(() => import('./views/TroubleshootView.vue')),
  device: lazy(() => import('./views/DeviceView.vue')),
  report: lazy(() => import('./views/ReportView.vue')),
}
