// Dealix.Functions in Azure: a storage account (task hub, queues, timer monitor), Application Insights on a
// Log Analytics workspace, and a Linux function app in one of two modes (`hostingMode`, see functions/README.md):
//
// - customHandler (default): the Functions host runs the Dealix.Functions executable as a custom handler; durable work
//   runs on the Dealix engine inside it.
//     az deployment group create -g <rg> -f infra/main.bicep -p appName=dealix-prod systemKey=<secret> hostKey=<secret> masterKey=<secret>
//   The engine polls the task hub's queues itself; the platform's scale controller does not see those queues, so the
//   plan keeps at least `minimumInstances` instances always ready (Elastic Premium by default).
// - standard: a .NET isolated app (FUNCTIONS_WORKER_RUNTIME=dotnet-isolated); the Functions host loads Microsoft's
//   Durable extension from the package's extension payload and runs orchestrations on its Azure Storage provider.
//     az deployment group create -g <rg> -f infra/main.bicep -p appName=dealix-prod hostingMode=standard
//   Function keys are the Functions host's own (systemKey/hostKey/masterKey are not used).

targetScope = 'resourceGroup'

@description('Name prefix of every resource (lowercase letters, digits and hyphens).')
@minLength(3)
@maxLength(20)
param appName string

@description('customHandler: our executable and the Dealix engine behind the Functions host. standard: the official .NET isolated worker with Microsoft\'s Durable extension and Azure Storage provider.')
@allowed([ 'customHandler', 'standard' ])
param hostingMode string = 'customHandler'

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

// The three keys are our host's (customHandler mode); a level whose key is empty refuses every request.
@description('customHandler mode: key of the Durable Task management API (Keys__System).')
@secure()
param systemKey string = ''

@description('customHandler mode: host key accepted by Function-level routes (Keys__Host).')
@secure()
param hostKey string = ''

@description('customHandler mode: master key (Keys__Master), admin level, also opens the management API.')
@secure()
param masterKey string = ''

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
    hostingMode: hostingMode
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

output hostingMode string = hostingMode
output functionAppName string = functionApp.outputs.name
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output storageAccountName string = storage.outputs.name
output applicationInsightsName string = monitoring.outputs.appInsightsName
