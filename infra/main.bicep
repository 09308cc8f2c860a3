// Dealix.Functions in Azure: a storage account (task hub, queues, timer monitor), Application Insights on a
// Log Analytics workspace, and a Linux function app that runs the Dealix.Functions executable as a custom handler.
//
//   az deployment group create -g <rg> -f infra/main.bicep -p appName=dealix-prod systemKey=<secret> hostKey=<secret> masterKey=<secret>
//
// The durable worker runs inside the executable and polls the task hub's queues itself; the platform's scale
// controller does not see those queues, so the plan keeps at least `minimumInstances` instances always ready
// (Elastic Premium by default).

targetScope = 'resourceGroup'

@description('Name prefix of every resource (lowercase letters, digits and hyphens).')
@minLength(3)
@maxLength(20)
param appName string

@description('Azure region.')
param location string = resourceGroup().location

@description('Function app plan: EP1-EP3 (Elastic Premium, always-ready instances) or a Dedicated SKU such as P1v3.')
@allowed([ 'EP1', 'EP2', 'EP3', 'P1v3', 'P2v3' ])
param planSku string = 'EP1'

@description('Instances kept running so the in-process durable worker always polls its queues.')
@minValue(1)
@maxValue(20)
param minimumInstances int = 1

@description('Task hub name (host.json extensions.durableTask.hubName is overridden by this app setting).')
param taskHubName string = 'DealixHub'

@description('Key of the Durable Task management API (Keys__System).')
@secure()
param systemKey string

@description('Host key accepted by Function-level routes (Keys__Host).')
@secure()
param hostKey string

@description('Master key (Keys__Master): admin level, also opens the management API.')
@secure()
param masterKey string

@description('Telemetry exporter of the app itself: none, console or otlp (with OTEL_EXPORTER_OTLP_ENDPOINT).')
@allowed([ 'none', 'console', 'otlp' ])
param telemetryExporter string = 'none'

@description('Tags on every resource.')
param tags object = {
  app: 'dealix-functions'
}

var suffix = uniqueString(resourceGroup().id, appName)

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take(toLower(replace('${appName}${suffix}', '-', '')), 24)
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: '${appName}-${suffix}'
    location: location
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: '${appName}-${suffix}'
    location: location
    tags: tags
    planSku: planSku
    minimumInstances: minimumInstances
    storageAccountName: storage.outputs.name
    appInsightsConnectionString: monitoring.outputs.connectionString
    taskHubName: taskHubName
    systemKey: systemKey
    hostKey: hostKey
    masterKey: masterKey
    telemetryExporter: telemetryExporter
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output storageAccountName string = storage.outputs.name
output applicationInsightsName string = monitoring.outputs.appInsightsName
