/** The values the add / edit form works with. */
export interface DeviceFormValues {
  name: string
  host: string
  port: number
  scheme: 'https' | 'http'
  authMethod: 'admin' | 'client'
  username: string
  clientId: string
}
