// A Linux function app running the published Dealix.Functions package in one of two modes:
// - customHandler: FUNCTIONS_WORKER_RUNTIME=custom; host.json customHandler + generated function.json files in the
//   package (scripts/package.sh custom-handler); the Dealix engine inside the executable runs the durable work.
// - standard: FUNCTIONS_WORKER_RUNTIME=dotnet-isolated on the .NET 10 isolated stack; the package is the Worker SDK's
//   publish output (functions.metadata, extensions.json, .azurefunctions/; scripts/package.sh standard), so the host
//   loads Microsoft's Durable extension and runs orchestrations on its Azure Storage provider.

param name string
param location string
param tags object

@allowed([ 'customHandler', 'standard' ])
param hostingMode string

param planSku string
param minimumInstances int
param storageAccountName string
param appInsightsConnectionString string
param taskHubName string

@secure()
param systemKey string

@secure()
param hostKey string

@secure()
param masterKey string

param telemetryExporter string

var isElasticPremium = startsWith(planSku, 'EP')
var isStandard = hostingMode == 'standard'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

var commonSettings = [
  { name: 'AzureWebJobsStorage', value: storageConnection }
  { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
  { name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING', value: storageConnection }
  { name: 'WEBSITE_CONTENTSHARE', value: toLower(name) }
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'AzureFunctionsJobHost__extensions__durableTask__hubName', value: taskHubName }
  { name: 'Dealix__LiveSending', value: 'false' }
]

// Our host: its own keys, its telemetry exporter; the engine is the Dealix one.
var customHandlerSettings = [
  { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'custom' }
  { name: 'Keys__System', value: systemKey }
  { name: 'Keys__Host', value: hostKey }
  { name: 'Keys__Master', value: masterKey }
  { name: 'Telemetry__Exporter', value: telemetryExporter }
  // The package's host.json names Microsoft's provider for the Functions host's Durable extension (it knows no other);
  // this setting, read by our host alone, keeps our host on the Dealix engine (scripts/package.sh custom-handler).
  { name: 'Dealix__DurableProvider', value: 'Dealix' }
]

// The official worker behind the Functions host. The storage provider is pinned here as well as in the package's
// host.json: Microsoft's Durable extension knows only its own providers, never our engine's "Dealix" type.
var standardSettings = [
  { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
  { name: 'AzureFunctionsJobHost__extensions__durableTask__storageProvider__type', value: 'AzureStorage' }
]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: isElasticPremium ? 'elastic' : 'linux'
  sku: {
    name: planSku
    tier: isElasticPremium ? 'ElasticPremium' : 'PremiumV3'
  }
  properties: {
    reserved: true // Linux
    maximumElasticWorkerCount: isElasticPremium ? 20 : null
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    reserved: true
    siteConfig: {
      // Custom handlers bring their own executable (published self-contained for linux-x64): no language stack.
      // The standard app is framework-dependent (`dotnet Dealix.Functions.dll`, worker.config.json): .NET 10 isolated.
      linuxFxVersion: isStandard ? 'DOTNET-ISOLATED|10.0' : ''
      alwaysOn: !isElasticPremium
      minimumElasticInstanceCount: isElasticPremium ? minimumInstances : null
      preWarmedInstanceCount: isElasticPremium ? minimumInstances : null
      functionAppScaleLimit: isElasticPremium ? 20 : null
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(commonSettings, isStandard ? standardSettings : customHandlerSettings)
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
